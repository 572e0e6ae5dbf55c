using System.Text;

namespace Tradewind.Data.Providers.Simulated;

/// <summary>
/// Random numbers addressed by (key, session index, stream) instead of drawn in sequence: the SplitMix64 output at
/// position <c>index × 64 + stream</c> of the generator started at <c>key</c>. Any session's numbers can be had
/// without drawing the ones before it, and two keys never share a stream, so a symbol's draws cannot depend on
/// which other symbols were generated or in what order.
/// </summary>
internal readonly struct CounterRandom(ulong key)
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;
    private const int StreamsPerIndex = 64;

    /// <summary>The key this generator was started at.</summary>
    public ulong Key => key;

    /// <summary>A uniform number in the open interval (0, 1) with 53 random bits.</summary>
    public double Uniform(int index, int stream)
    {
        var bits = Mix(key + (((ulong)(uint)index * StreamsPerIndex) + (ulong)(uint)stream + 1) * Gamma);
        return ((bits >> 11) + 0.5) * (1.0 / (1UL << 53));
    }

    /// <summary>A standard normal number (Box–Muller over the uniforms of streams <c>2s</c> and <c>2s + 1</c>).</summary>
    public double Normal(int index, int stream)
    {
        var radius = Math.Sqrt(-2.0 * Math.Log(Uniform(index, 2 * stream)));
        return radius * Math.Cos(2.0 * Math.PI * Uniform(index, (2 * stream) + 1));
    }

    /// <summary>The SplitMix64 finalizer: a bijection on 64-bit values whose every output bit depends on every input bit.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>A stable 64-bit hash of a text (FNV-1a over its UTF-8 bytes, then mixed): the same on every machine and run.</summary>
    public static ulong Hash(string text)
    {
        var hash = 0xCBF29CE484222325;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 0x100000001B3;
        }

        return Mix(hash);
    }
}
