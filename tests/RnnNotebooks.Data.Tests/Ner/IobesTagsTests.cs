using RnnNotebooks.Data;

namespace RnnNotebooks.Data.Tests.Ner;

public sealed class IobesTagsTests
{
    [Fact]
    public void Iob_tags_become_iobes_by_the_entities_conlleval_reads()
    {
        // entities: PER 0-2, LOC 2-3 (I-LOC after PER starts one), ORG 4-7, ORG 7-8 (B-ORG after ORG), MISC 8-9
        string[] iob = ["B-PER", "I-PER", "I-LOC", "O", "I-ORG", "I-ORG", "I-ORG", "B-ORG", "I-MISC"];

        Assert.Equal(["B-PER", "E-PER", "S-LOC", "O", "B-ORG", "I-ORG", "E-ORG", "S-ORG", "S-MISC"], IobesTags.FromIob2(iob));
    }

    [Fact]
    public void Iobes_reads_back_as_the_iob2_of_the_same_entities()
    {
        string[] iob2 = ["B-PER", "I-PER", "B-LOC", "O", "B-ORG", "I-ORG", "I-ORG", "B-ORG", "B-MISC"];

        Assert.Equal(iob2, IobesTags.ToIob2(IobesTags.FromIob2(iob2)));
        Assert.Equal(Array.Empty<string>(), IobesTags.FromIob2([]));
    }

    [Fact]
    public void A_decoded_sequence_that_is_not_valid_iobes_still_gives_valid_iob2()
    {
        // B-PER then O (no E-PER), E-LOC after O, I-ORG after S-ORG, S-PER inside nothing
        string[] decoded = ["B-PER", "O", "E-LOC", "S-ORG", "I-ORG", "S-PER"];

        Assert.Equal(["B-PER", "O", "B-LOC", "B-ORG", "I-ORG", "B-PER"], IobesTags.ToIob2(decoded));
        Assert.Throws<ArgumentException>(() => IobesTags.ToIob2(["X-PER"]));
    }

    [Fact]
    public void The_tag_set_is_o_and_b_i_e_s_of_the_four_types()
    {
        Assert.Equal(17, IobesTags.All.Count);
        Assert.Equal(["O", "B-PER", "I-PER", "E-PER", "S-PER"], IobesTags.All.Take(5));
        Assert.True(IobesTags.Uses(IobesTags.All));
        Assert.False(IobesTags.Uses(IobTags.All));
    }
}
