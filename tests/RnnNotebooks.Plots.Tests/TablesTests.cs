using RnnNotebooks.Plots;

namespace RnnNotebooks.Plots.Tests;

public sealed class TablesTests
{
    [Fact]
    public void Records_become_rows_keyed_from_one_with_a_column_per_property_in_order()
    {
        var frame = Tables.FromRecords(new[] { new { t = 1, token = "h", p = 0.25 }, new { t = 2, token = "e", p = 0.5 } });

        Assert.Equal(["t", "token", "p"], frame.ColumnKeys);
        Assert.Equal([1, 2], frame.RowKeys);
        Assert.Equal("e", frame.GetColumn<string>("token")[2]);
        Assert.Equal(0.25, frame.GetColumn<double>("p")[1]);
    }

    [Fact]
    public void An_empty_table_is_refused()
    {
        Assert.Contains("at least one row", Assert.Throws<ArgumentException>(() => Tables.FromRecords(Array.Empty<(int, int)>().Select(v => new { v.Item1 }))).Message);
    }
}
