using System.Text;
using RnnNotebooks.Data;

namespace RnnNotebooks.Data.Tests.Sentiment;

public sealed class SentimentReadersTests
{
    [Fact]
    public void Tab_separated_lines_give_examples_and_each_bad_line_is_reported_with_its_number()
    {
        const string text = "Great phone.\t1\nNot worth it.  \t0\n\t1\nNo label here\n\n\t\nOdd label\t2\nFine\t 1 \tplain\n";

        var set = SentimentTsv.Read(new StringReader(text), "amazon_cells_labelled.txt", "amazon");

        Assert.Equal([new("Great phone.", 1), new("Not worth it.", 0), new("Fine", 1, "plain")], set.Examples);
        Assert.Equal(
            ["amazon_cells_labelled.txt line 3: no text", "amazon_cells_labelled.txt line 4: no label",
             "amazon_cells_labelled.txt line 5: no text and no label", "amazon_cells_labelled.txt line 6: no text and no label",
             "amazon_cells_labelled.txt line 7: label '2' is not 0 or 1"],
            set.Skipped.Select(s => s.ToString()));
    }

    [Fact]
    public void A_json_array_gives_examples_and_each_bad_record_is_reported_with_its_index()
    {
        const string json = """
            [{"text":"Good case, Excellent value.","class":1},{"text":"Bad.","class":0},{"text":"","class":null},
             {"text":"No class"},{"class":1},{"text":"Both","class":"1"},{"text":"   ","class":0},"not an object"]
            """;

        var set = SentimentJson.Read(json, "amazon.json", "amazon");

        Assert.Equal([new("Good case, Excellent value.", 1), new("Bad.", 0), new("Both", 1)], set.Examples);
        Assert.Equal(
            ["amazon.json record 2: no text and no label", "amazon.json record 3: no label", "amazon.json record 4: no text",
             "amazon.json record 6: no text", "amazon.json record 7: no text and no label"],
            set.Skipped.Select(s => s.ToString()));
    }

    [Fact]
    public void A_json_text_that_is_not_an_array_is_refused_with_the_file_name()
    {
        Assert.Contains("yelp.json", Assert.Throws<InvalidDataException>(() => SentimentJson.Read("{\"text\":\"x\"}", "yelp.json", "yelp")).Message);
        Assert.Contains("yelp.json", Assert.Throws<InvalidDataException>(() => SentimentJson.Read("[{", "yelp.json", "yelp")).Message);
    }

    [Fact]
    public void The_written_form_reads_back_and_refuses_a_tab_in_a_text()
    {
        SentimentExample[] examples = [new("The soup wasn't bad at all.", 1, "negated"), new("Great food, but the service ruined it.", 0, "contrast")];

        var set = SentimentTsv.Read(new StringReader(SentimentTsv.Format(examples)), "train.tsv", "train");

        Assert.Equal(examples, set.Examples);
        Assert.Throws<ArgumentException>(() => SentimentTsv.Format([new("a\tb", 1)]));
    }
}
