using Tradewind.Testing;

[assembly: AssemblyFixture(typeof(PostgresServer))]
