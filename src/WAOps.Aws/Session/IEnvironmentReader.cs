namespace WAOps.Aws.Session;

/// <summary>Reads environment variables; lets tests resolve sessions without touching the process environment.</summary>
public interface IEnvironmentReader
{
    string? Get(string name);
}

public sealed class ProcessEnvironmentReader : IEnvironmentReader
{
    public static readonly ProcessEnvironmentReader Instance = new();

    public string? Get(string name)
    {
        var value = System.Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}

/// <summary>An environment given as a dictionary (tests, and callers that want a sealed environment).</summary>
public sealed class DictionaryEnvironmentReader : IEnvironmentReader
{
    private readonly IReadOnlyDictionary<string, string> _values;

    public DictionaryEnvironmentReader(IReadOnlyDictionary<string, string> values) => _values = values;

    public string? Get(string name) =>
        _values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
