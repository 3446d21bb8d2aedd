using RnnNotebooks.Data;
using RnnNotebooks.Tasks;

namespace RnnNotebooks.Tasks.Tests.Ner;

public sealed class NerEnsembleTests
{
    private static readonly NerSentence[] Small = NerTaggerTests.Small;

    private static NerTagger Member(int seed, bool crf = true, bool iobes = false) =>
        NerTaggerTests.Trained(NerTagger.Create(Small, new NerTaggerOptions { nE = 3, nS = 2, nA = 4, Crf = crf, Iobes = iobes, Seed = seed }), Small, 8);

    [Fact]
    public void The_ensemble_averages_the_crf_and_decodes_the_mean_emission_scores()
    {
        var (first, second) = (Member(1), Member(2));
        var ensemble = new NerEnsemble([first, second]);

        Assert.Equal((first.Crf!.A[2, 3] + second.Crf!.A[2, 3]) / 2, ensemble.Crf.A[2, 3]);
        Assert.Equal((first.Crf.Start[1] + second.Crf.Start[1]) / 2, ensemble.Crf.Start[1]);
        Assert.Equal((first.Crf.End[4] + second.Crf.End[4]) / 2, ensemble.Crf.End[4]);
        var (u1, u2) = (first.EmissionScores(Small), second.EmissionScores(Small));
        for (int i = 0; i < Small.Length; i++)
        {
            var u = u1[i].Zip(u2[i], (a, b) => (a + b) / 2).ToArray();
            Assert.Equal(first.ReadTags(ensemble.Crf.Decode(u)), ensemble.Predict(Small)[i]);
        }
    }

    [Fact]
    public void One_member_is_that_member_and_its_emission_scores_are_what_its_crf_decodes()
    {
        var member = Member(3);

        Assert.Equal(member.Predict(Small), new NerEnsemble([member]).Predict(Small));
        Assert.Equal(member.Predict(Small), member.EmissionScores(Small).Select(u => member.ReadTags(member.Crf!.Decode(u))));
        Assert.Equal(Small.Select(s => s.Length * member.Tags.Count), member.EmissionScores(Small).Select(u => u.Length));
    }

    [Fact]
    public void A_saved_ensemble_loads_with_every_member_and_tags_as_before()
    {
        var ensemble = new NerEnsemble([Member(1), Member(2), Member(3)]);
        SavedModels.InFolder("ner-ensemble-", folder =>
        {
            string path = Path.Combine(folder, "ner");
            ensemble.Save(path);
            var loaded = NerEnsemble.Load(path + ".safetensors");

            Assert.Equal(["ner-2.json", "ner-2.safetensors", "ner-3.json", "ner-3.safetensors", "ner.json", "ner.safetensors"],
                Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal(3, loaded.Members.Count);
            Assert.Equal(ensemble.Predict(Small), loaded.Predict(Small));
            Assert.Equal(ensemble.Members[0].Predict(Small), NerTagger.Load(path).Predict(Small)); // the first member alone
            Assert.Single(NerEnsemble.LoadMembers(Path.Combine(folder, "ner-2"))); // a member lists no others
        });
    }

    [Fact]
    public void Saving_fewer_members_over_an_ensemble_deletes_the_members_nothing_lists_and_nothing_else()
    {
        SavedModels.InFolder("ner-ensemble-", folder =>
        {
            string path = Path.Combine(folder, "ner");
            new NerEnsemble([Member(1), Member(2), Member(3)]).Save(path);
            Member(4).Save(Path.Combine(folder, "other")); // another model in the same folder
            string[] Files() => [.. Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

            new NerEnsemble([Member(5), Member(6)]).Save(path);
            Assert.Equal(["ner-2.json", "ner-2.safetensors", "ner.json", "ner.safetensors", "other.json", "other.safetensors"], Files());
            Assert.Equal(2, NerEnsemble.LoadMembers(path).Count);

            Member(7).Save(path); // one tagger, as notebook 04 saves it
            Assert.Equal(["ner.json", "ner.safetensors", "other.json", "other.safetensors"], Files());
            Assert.Single(NerEnsemble.LoadMembers(path));
        });
    }

    [Fact]
    public void A_listed_member_that_is_missing_or_outside_the_folder_is_named()
    {
        SavedModels.InFolder("ner-ensemble-", folder =>
        {
            string path = Path.Combine(folder, "ner");
            new NerEnsemble([Member(1), Member(2)]).Save(path);
            File.Delete(Path.Combine(folder, "ner-2.safetensors"));
            Assert.Contains("ner-2.safetensors", Assert.Throws<FileNotFoundException>(() => NerEnsemble.Load(path)).Message);

            File.WriteAllText(path + ".json", File.ReadAllText(path + ".json").Replace("\"ner-2\"", "\"../ner-2\""));
            var error = Assert.Throws<InvalidDataException>(() => NerEnsemble.Load(path));
            Assert.Contains("ner.json", error.Message);
            Assert.Contains("../ner-2", error.Message);
        });
    }

    [Fact]
    public void Members_without_a_crf_or_with_other_tags_are_named()
    {
        Assert.Contains("member 1 has no CRF", Assert.Throws<ArgumentException>(() => new NerEnsemble([Member(1), Member(2, crf: false)])).Message);
        Assert.Contains("member 1 tags", Assert.Throws<ArgumentException>(() => new NerEnsemble([Member(1), Member(2, iobes: true)])).Message);
        Assert.Throws<ArgumentException>(() => new NerEnsemble([]));
    }
}
