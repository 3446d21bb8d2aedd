using RnnNotebooks.Tasks;

namespace RnnNotebooks.Tasks.Tests.Ner;

public sealed class WordVocabularyTests
{
    private static readonly string[][] Train =
    [
        ["The", "Bank", "of", "England", "raised", "rates", "in", "1998", "."],
        ["the", "bank", "of", "Japan", "cut", "rates", "in", "2024", "."],
    ];

    [Fact]
    public void Pad_is_0_unk_is_1_and_the_kept_words_follow_most_frequent_first()
    {
        var vocabulary = WordVocabulary.Build(Train, minCount: 2);

        // "the", "bank", "of", "rates", "in", "0000", "." occur twice (case and digits folded); the rest once.
        Assert.Equal(["<pad>", "<unk>", ".", "0000", "bank", "in", "of", "rates", "the"], vocabulary.Words);
        Assert.Equal(9, vocabulary.Count);
        Assert.Equal(8, vocabulary.IdOf("The"));
        Assert.Equal(vocabulary.IdOf("the"), vocabulary.IdOf("THE"));
        Assert.Equal(3, vocabulary.IdOf("1871"));
    }

    [Fact]
    public void Words_seen_fewer_times_than_the_minimum_and_unseen_words_are_unk_and_give_the_unknown_rate()
    {
        var vocabulary = WordVocabulary.Build(Train, minCount: 2);

        Assert.Equal(WordVocabulary.UnknownId, vocabulary.IdOf("England"));   // seen once
        Assert.Equal(WordVocabulary.UnknownId, vocabulary.IdOf("Zanzibar"));  // never seen
        Assert.Equal(WordVocabulary.UnknownId, vocabulary.IdOf("<pad>"));     // the padding is no word
        Assert.False(vocabulary.Contains("Japan"));
        Assert.True(vocabulary.Contains("BANK"));
        // 3 of 5 tokens unknown: Zanzibar, cut, 12th is "00th" (unseen)
        Assert.Equal(0.6, vocabulary.UnknownRate([["the", "Zanzibar", "cut", "in", "12th"]]), 12);
        Assert.Equal(0.0, vocabulary.UnknownRate([]));
        Assert.Equal(2 + 11, WordVocabulary.Build(Train, minCount: 1).Count); // every distinct normalised word
    }

    [Fact]
    public void The_singletons_are_the_words_seen_once_that_have_an_id_of_their_own()
    {
        var everyWord = WordVocabulary.Build(Train, minCount: 1);

        // ids 2 .. 8 are the seven words seen twice; then, in ordinal order, the four seen once: cut, england, japan, raised.
        Assert.Equal(["cut", "england", "japan", "raised"], everyWord.Words.Skip(9));
        Assert.Equal([9, 10, 11, 12], everyWord.SingletonIds(Train).Order());
        Assert.Empty(WordVocabulary.Build(Train, minCount: 2).SingletonIds(Train)); // those four are <unk> already
    }

    [Fact]
    public void A_vocabulary_refuses_a_list_without_pad_and_unk_first_or_with_a_word_twice()
    {
        Assert.Contains("<pad> (id 0) and <unk> (id 1)", Assert.Throws<ArgumentException>(() => new WordVocabulary(["<unk>", "<pad>"])).Message);
        Assert.Contains("word 'a' has ids 2 and 3", Assert.Throws<ArgumentException>(() => new WordVocabulary(["<pad>", "<unk>", "a", "a"])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => WordVocabulary.Build(Train, minCount: 0));
    }
}
