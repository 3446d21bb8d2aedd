using RnnNotebooks.Data;
using RnnNotebooks.Tasks;

namespace RnnNotebooks.Tasks.Tests.Ner;

/// <summary>A tagger that tags in IOBES inside: trained on IOBES targets, read and written in IOB2.</summary>
public sealed class IobesTaggerTests
{
    private static readonly NerSentence[] Small = NerTaggerTests.Small;

    private static NerTagger Trained(bool iobes, bool crf)
    {
        return NerTaggerTests.Trained(NerTagger.Create(Small, new NerTaggerOptions { nE = 3, nS = 2, nA = 8, Cell = RecurrentCell.Lstm, Crf = crf, Iobes = iobes, Seed = 5 }), Small, 60);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_iobes_tagger_learns_where_entities_end_and_answers_in_iob2(bool crf)
    {
        var tagger = Trained(iobes: true, crf);

        Assert.True(tagger.Iobes);
        Assert.Equal(IobesTags.All, tagger.Tags);
        Assert.Equal(Small.Select(s => s.Tags), tagger.Predict(Small.Select(s => s.Tokens).ToList())); // IOB2, as the corpus
        if (crf)
        {
            var tags = tagger.Tags.ToList();
            // Anna Smith: B-PER then E-PER; S-LOC (Paris) is never followed by I-LOC or E-LOC
            Assert.True(tagger.Crf!.A[tags.IndexOf("B-PER"), tags.IndexOf("E-PER")] > tagger.Crf.A[tags.IndexOf("B-PER"), tags.IndexOf("I-PER")]);
            Assert.True(tagger.Crf.A[tags.IndexOf("S-LOC"), tags.IndexOf("E-LOC")] < 0);
        }
        else
        {
            Assert.Equal(17, tagger.Sizes.nY);
        }
    }

    [Fact]
    public void An_iob2_tagger_keeps_its_nine_tags_and_a_saved_iobes_tagger_loads_back_iobes()
    {
        Assert.False(Trained(iobes: false, crf: true).Iobes);
        var tagger = Trained(iobes: true, crf: true);
        var loaded = SavedModels.SavedAndLoaded("ner-iobes-", tagger.Save, NerTagger.Load);

        Assert.True(loaded.Iobes);
        var sentences = Small.Select(s => s.Tokens).Append(["Smith", "left", "Derby", "."]).ToList();
        Assert.Equal(tagger.Predict(sentences), loaded.Predict(sentences));
        Assert.Equal(BitConverter.DoubleToInt64Bits(tagger.Loss(Small)), BitConverter.DoubleToInt64Bits(loaded.Loss(Small)));
    }
}
