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

    public override string ToString() => string.Join("; ", this);
}
