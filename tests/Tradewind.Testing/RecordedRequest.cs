namespace Tradewind.Testing;

/// <summary>A request a <see cref="ReplayHttpServer"/> received: method, target, decoded query parameters and headers.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Target">The request target as sent, e.g. <c>/query?function=TIME_SERIES_DAILY&amp;symbol=SPY</c>.</param>
/// <param name="Path">The target's path, e.g. <c>/query</c>.</param>
/// <param name="Query">The query parameters, percent-decoded (the last value wins when a name repeats).</param>
/// <param name="Headers">The headers, names case-insensitive.</param>
public sealed record RecordedRequest(
    string Method, string Target, string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers);
