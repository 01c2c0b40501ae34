using System.Collections.ObjectModel;

namespace WAOps.Engine.Text;

/// <summary>
/// A read-only list of strings that prints as "a; b; c". Result properties use it so that they stay lists
/// for scripts (-contains, foreach, .Count) and still read well in tables and Export-Csv, which writes a
/// value's ToString() ("System.String[]" for a plain array).
/// </summary>
public sealed class TextList : ReadOnlyCollection<string>
{
    public static new readonly TextList Empty = new(Array.Empty<string>());

    public TextList(IEnumerable<string> items)
        : base(items.ToList())
    {
    }

    private TextList(List<string> owned)
        : base(owned)
    {
    }

    /// <summary>
    /// A list that takes <paramref name="items"/> over instead of copying it (the caller built it and lets it go);
    /// the shared <see cref="Empty"/> for null or none, so results without findings carry no lists of their own.
    /// </summary>
    public static TextList Of(List<string>? items) => items is null || items.Count == 0 ? Empty : new TextList(items);

    public override string ToString() => string.Join("; ", this);
}
