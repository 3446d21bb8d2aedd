using Deedle;

namespace RnnNotebooks.Plots;

/// <summary>Deedle frames for the notebooks' tables (the notebook engine shows a frame as an HTML table).</summary>
public static class Tables
{
    /// <summary>
    /// A frame with one row per record and one column per public property of <typeparamref name="T"/>, in
    /// declaration order (anonymous types work: <c>new { t, token, p }</c>). Rows are keyed 1, 2, ... n.
    /// </summary>
    /// <exception cref="ArgumentException">There are no records, or <typeparamref name="T"/> has no public property.</exception>
    public static Frame<int, string> FromRecords<T>(IEnumerable<T> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var rows = records.ToList();
        var properties = typeof(T).GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToArray();
        if (properties.Length == 0)
        {
            throw new ArgumentException($"{typeof(T).Name} has no public property to make a column of.", nameof(records));
        }
        if (rows.Count == 0)
        {
            throw new ArgumentException("records is empty; a table needs at least one row.", nameof(records));
        }
        var keys = Enumerable.Range(1, rows.Count).ToArray();
        var columns = properties.Select(p => KeyValuePair.Create(p.Name,
            new Series<int, object>(keys, rows.Select(r => p.GetValue(r) ?? "").ToArray())));
        return Frame.FromColumns<string, int, object>(columns);
    }
}
