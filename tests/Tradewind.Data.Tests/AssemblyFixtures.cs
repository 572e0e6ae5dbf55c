using Tradewind.Testing;

[assembly: AssemblyFixture(typeof(MotoServer))]
