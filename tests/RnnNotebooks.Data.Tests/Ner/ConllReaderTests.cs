using RnnNotebooks.Data;

namespace RnnNotebooks.Data.Tests.Ner;

public sealed class ConllReaderTests
{
    private static IReadOnlyList<NerDocument> Read(string text, string name = "inline.conll") =>
        ConllReader.Read(new StringReader(text), name);

    [Fact]
    public void Iob1_tags_come_back_as_iob2_worked_by_hand()
    {
        // IOB1: "I-PER I-PER" is one person; the B-PER after it starts a second person right beside it;
        // "I-LOC" after O starts a place; "I-ORG" right after the place starts an organisation.
        var text = "John I-PER\nSmith I-PER\nBill B-PER\nmet O\nin I-LOC\nParis I-LOC\nReuters I-ORG\n. O\n";

        var sentence = Assert.Single(Assert.Single(Read(text)).Sentences);

        Assert.Equal(["John", "Smith", "Bill", "met", "in", "Paris", "Reuters", "."], sentence.Tokens);
        Assert.Equal(["B-PER", "I-PER", "B-PER", "O", "B-LOC", "I-LOC", "B-ORG", "O"], sentence.Tags);
        Assert.Equal([new EntitySpan("PER", 0, 2), new EntitySpan("PER", 2, 3), new EntitySpan("LOC", 4, 6), new EntitySpan("ORG", 6, 7)],
            sentence.Entities);
    }

    [Fact]
    public void Iob2_tags_come_back_unchanged()
    {
        var text = "The O\nBank B-ORG\nof I-ORG\nEngland I-ORG\nB-ORG B-ORG\n";

        var sentence = Assert.Single(Assert.Single(Read(text)).Sentences);

        Assert.Equal(["O", "B-ORG", "I-ORG", "I-ORG", "B-ORG"], sentence.Tags);
        Assert.Equal("The [ORG Bank of England] [ORG B-ORG]", sentence.ToString());
    }

    [Fact]
    public void The_tag_is_the_last_column_and_docstart_lines_separate_documents()
    {
        var text = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\n\n"
                 + "Peter NNP B-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nLONDON NNP B-NP I-LOC\t\n\n";

        var documents = Read(text);

        Assert.Equal(2, documents.Count);
        Assert.Equal(2, documents[0].Sentences.Count);
        Assert.Equal(["B-ORG", "O", "B-MISC"], documents[0].Sentences[0].Tags);
        Assert.Equal(["EU", "rejects", "German"], documents[0].Sentences[0].Tokens);
        Assert.Equal(["Peter"], documents[0].Sentences[1].Tokens);
        Assert.Equal(["B-LOC"], Assert.Single(documents[1].Sentences).Tags);
    }

    [Fact]
    public void A_docstart_after_the_last_document_and_missing_blank_lines_give_no_empty_document_or_sentence()
    {
        var text = "a O\nb B-PER\n-DOCSTART- O\nc O\n\n\n\n-DOCSTART- O\n";

        var documents = Read(text);

        Assert.Equal([1, 1], documents.Select(d => d.Sentences.Count));
        Assert.Equal(["a", "b"], documents[0].Sentences[0].Tokens);
    }

    [Theory]
    [InlineData("a O\n\nb\n", 3, "one column 'b'")]
    [InlineData("a O\n  O\n", 2, "empty token")]
    [InlineData("a O\nb B-PER\nc I-GPE\n", 3, "unknown tag 'I-GPE'")]
    [InlineData("a O\nb PER\n", 2, "unknown tag 'PER'")]
    public void A_bad_line_is_named_by_file_line_and_what_is_wrong(string text, int line, string problem)
    {
        var e = Assert.Throws<DataFormatException>(() => Read(text, "bad.conll"));

        Assert.StartsWith($"bad.conll:{line}: ", e.Message);
        Assert.Contains(problem, e.Message);
        Assert.Equal(("bad.conll", line), (e.SourceName, e.LineNumber));
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("\n\n-DOCSTART- O\n\n", "no sentence")]
    public void A_file_without_sentences_throws(string text, string problem)
    {
        var e = Assert.Throws<DataFormatException>(() => Read(text, "empty.conll"));

        Assert.Contains("empty.conll", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void A_file_read_by_path_names_its_path_in_errors()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ner-{Guid.NewGuid():N}.conll");
        File.WriteAllText(path, "Paris B-LOC\nis O\n\nnice B-FOO\n");
        try
        {
            var e = Assert.Throws<DataFormatException>(() => ConllReader.Read(path));
            Assert.StartsWith($"{path}:4: unknown tag 'B-FOO'", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_writer_writes_what_the_reader_reads()
    {
        var text = "Ada B-PER\nLovelace I-PER\n\n-DOCSTART- O\n\nin O\nLondon B-LOC\n\n";
        using var writer = new StringWriter();

        ConllWriter.Write(writer, Read(text));

        Assert.Equal(text, writer.ToString());
    }
}
