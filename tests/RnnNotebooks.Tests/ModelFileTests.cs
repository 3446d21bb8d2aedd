using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>Models saved as safetensors load back to bit-identical predictions.</summary>
public sealed class ModelFileTests : IDisposable
{
    private readonly TemporaryFolder temporary = new("models");

    private string Folder => temporary.Path;

    public void Dispose() => temporary.Dispose();

    [Fact]
    public void An_rnn_saved_under_a_prefix_loads_back_to_the_same_predictions()
    {
        var problem = new RandomProblem(G1: Activation.Tanh, G2: Activation.Softmax, NX: 5, NA: 6, NY: 4, T: 7, M: 3,
            OneHot: true, Masked: false, RandomA0: false, Seed: 4);
        string path = Path.Combine(Folder, "rnn.safetensors");
        problem.Model.Parameters.Save(path, "encoder");

        var loaded = new Rnn(RecurrentParameters.Load(path, "encoder"));

        Assert.Equal(["encoder.Waa", "encoder.Wax", "encoder.Wya", "encoder.Ba", "encoder.By"], SafeTensors.Read(path).Tensors.Select(t => t.Name));
        Assert.Equal([6], SafeTensors.Read(path).Get("encoder.Ba").Shape);
        var (before, after) = (problem.Model.Forward(problem.X), loaded.Forward(problem.X));
        for (int t = 1; t <= 7; t++)
        {
            Assert.Equal(before.YHat(t).Data, after.YHat(t).Data);
        }
    }

    [Fact]
    public void An_embedding_and_a_bidirectional_rnn_in_one_file_load_back_to_the_same_predictions()
    {
        var problem = new TaggingProblem(G1: Activation.Tanh, G2: Activation.Softmax, NX: 9, NA: 5, NY: 4, T: 6, M: 3, OneHot: true, Seed: 7);
        var embedding = Embedding.Create(V: 9, nE: 3, seed: 1);
        var tagger = BidirectionalRnn.Create(nX: 3, nA: 5, nY: 4, seed: 2);
        string path = Path.Combine(Folder, "ner.safetensors");
        SafeTensors.Write(path, [.. embedding.ToNamedTensors("embedding"), .. tagger.Parameters.ToNamedTensors("tagger")],
            new Dictionary<string, string> { ["g1"] = "Tanh" });

        var file = SafeTensors.Read(path);
        var loadedEmbedding = Embedding.Load(file, "embedding");
        var loadedTagger = new BidirectionalRnn(BidirectionalRnnParameters.Load(file, "tagger"), Enum.Parse<Activation>(file.Metadata["g1"]));

        Assert.Equal(["embedding.E", "tagger.forward.Waa", "tagger.forward.Wax", "tagger.forward.Ba", "tagger.backward.Waa",
            "tagger.backward.Wax", "tagger.backward.Ba", "tagger.Wya", "tagger.By"], file.Tensors.Select(t => t.Name));
        var before = tagger.Forward(embedding.Forward(problem.X), problem.Lengths);
        var after = loadedTagger.Forward(loadedEmbedding.Forward(problem.X), problem.Lengths);
        for (int t = 1; t <= problem.T; t++)
        {
            Assert.Equal(before.YHat(t).Data, after.YHat(t).Data);
        }
    }

    [Fact]
    public void Each_parameter_set_saves_and_loads_on_its_own()
    {
        string path = Path.Combine(Folder, "parts.safetensors");
        var embedding = Embedding.Create(V: 4, nE: 2, seed: 3);
        embedding.Save(path);
        Assert.Equal(embedding.E.Data, Embedding.Load(path).E.Data);
        var bidirectional = BidirectionalRnnParameters.Initialize(nX: 2, nA: 3, nY: 2, seed: 5);
        bidirectional.Save(path, "bi");
        Assert.Equal(bidirectional.Tensors.SelectMany(v => v.Values), BidirectionalRnnParameters.Load(path, "bi").Tensors.SelectMany(v => v.Values));
    }

    [Fact]
    public void A_missing_tensor_or_a_wrong_shape_on_load_names_the_file_and_the_tensor()
    {
        string path = Path.Combine(Folder, "rnn.safetensors");
        Rnn.Create(nX: 3, nA: 4, nY: 2, seed: 1).Parameters.Save(path, "encoder");
        var e = Assert.Throws<InvalidDataException>(() => RecurrentParameters.Load(path, "decoder"));
        Assert.Contains($"{path}: tensor 'decoder.Wax' is missing; the file holds 'encoder.Waa'", e.Message);
        var other = new RecurrentParameters(RecurrentCell.Rnn, nX: 3, nA: 5, nY: 2);
        e = Assert.Throws<InvalidDataException>(() => other.LoadFrom(SafeTensors.Read(path), "encoder"));
        Assert.Contains($"{path}: tensor 'encoder.Waa' has shape [4, 4]; this model's Waa needs [5, 5]", e.Message);
    }
}
