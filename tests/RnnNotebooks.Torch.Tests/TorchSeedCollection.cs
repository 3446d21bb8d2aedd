namespace RnnNotebooks.Torch.Tests;

/// <summary>
/// The tests that seed torch's global generator (<c>torch.random.manual_seed</c>) and draw from it, and those that build
/// nn layers (which draw from it too): run one at a time, as xunit otherwise runs test classes in parallel and their
/// draws would interleave, so a seeded model would not get the same weights from run to run.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchSeedCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "torch's global generator";
}
