using System.Collections;
using System.Globalization;

namespace WAOps.Engine.Inventory;

/// <summary>
/// One property of an inventory resource, as its collector found it: a known value (which may be null where
/// the property is genuinely "not set", such as a KMS key id), or unknown with the reason. Unknown comes in two
/// kinds: <em>unresolved</em> (a template reader could not work the value out: a parameter without default, an
/// intrinsic it cannot evaluate) and <em>unreadable</em> (a live call for it failed, such as GetBucketPolicy
/// denied). Rules report unknown values as such, never as a pass. A fact may carry where it was read from
/// (template file, line, property path).
/// </summary>
/// <remarks>
/// <c>default(Fact&lt;T&gt;)</c> is unknown ("not collected"), so a property a collector forgot to fill can
/// never make a rule pass. A value converts implicitly: <c>MultiAz = true</c>.
/// </remarks>
public readonly struct Fact<T>
{
    private readonly T? _value;
    private readonly string? _reason;

    private Fact(bool known, T? value, string? reason, bool readFailed, SourceLocation? location)
    {
        IsKnown = known;
        _value = value;
        _reason = reason;
        IsReadFailure = readFailed;
        Location = location;
    }

    public static Fact<T> Known(T value, SourceLocation? location = null) => new(true, value, null, false, location);

    /// <summary>A value that could not be resolved (a template parameter without default, an unsupported intrinsic, ...).</summary>
    public static Fact<T> Unresolved(string reason, SourceLocation? location = null) => new(false, default, reason, false, location);

    /// <summary>A value that could not be read (the live call for it failed: access denied, throttled past its retries, ...).</summary>
    public static Fact<T> ReadFailed(string reason) => new(false, default, reason, true, null);

    public bool IsKnown { get; }

    /// <summary>True when the value is unknown because reading it failed (an error), not because it cannot be resolved.</summary>
    public bool IsReadFailure { get; }

    /// <summary>The value; throws for an unknown fact (check <see cref="IsKnown"/> or use <see cref="TryGet"/>).</summary>
    public T Value => IsKnown ? _value! : throw new InvalidOperationException($"The value is not known: {Reason}.");

    /// <summary>Why the value is unknown; empty for a known value.</summary>
    public string Reason => IsKnown ? string.Empty : _reason ?? "not collected";

    /// <summary>Where the value was read from (templates); null for live values.</summary>
    public SourceLocation? Location { get; }

    public bool TryGet(out T value)
    {
        value = _value!;
        return IsKnown;
    }

    /// <summary>The value when known, else <paramref name="fallback"/> (for display only; rules must not judge on it).</summary>
    public T? ValueOr(T? fallback) => IsKnown ? _value : fallback;

    /// <summary>The same state with another value type (a known value mapped, an unknown one carried over).</summary>
    public Fact<TOut> Select<TOut>(Func<T, TOut> map) =>
        IsKnown ? Fact<TOut>.Known(map(_value!), Location) : IsReadFailure ? Fact<TOut>.ReadFailed(Reason) : Fact<TOut>.Unresolved(Reason, Location);

    public static implicit operator Fact<T>(T value) => Known(value);

    /// <summary>"true", "aws:kms", "none" (null), "a; b" (lists), or "unknown (reason)".</summary>
    public override string ToString() => IsKnown ? Facts.Format(_value) : $"unknown ({Reason})";
}

/// <summary>Helpers for <see cref="Fact{T}"/>.</summary>
public static class Facts
{
    /// <summary>A fact's value as reasons print it: "none" for null, "a, b" for lists, "true"/"false".</summary>
    public static string Format(object? value) => value switch
    {
        null => "none",
        string text => text.Length == 0 ? "\"\"" : text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Format)) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>A known list; null becomes empty.</summary>
    public static Fact<IReadOnlyList<T>> List<T>(IEnumerable<T>? items) => Fact<IReadOnlyList<T>>.Known((items ?? Enumerable.Empty<T>()).ToList());
}
