using System.Text.RegularExpressions;
using RnnNotebooks.Data;
using YamlDotNet.RepresentationModel;

namespace RnnNotebooks.Cli.Tests;

/// <summary>
/// The GitHub Actions workflows parse, and call the README's two commands: CI runs <c>.ci/run</c> (whose test command is
/// the README's second) with CI=true and the real datasets in <c>../shared/data</c>; Pages runs the README's first
/// command and publishes <c>out/book</c>.
/// </summary>
public sealed partial class WorkflowTests
{
    private static string Root => Repository.Layout.Root;

    private static string Text(string path) => File.ReadAllText(Path.Combine(Root, path));

    /// <summary>The commands of the README's "Two commands" block, comments dropped: run, then test.</summary>
    private static IReadOnlyList<string> ReadmeCommands() => Tests.ReadmeCommands.In(Tests.ReadmeCommands.TwoCommands);

    private static YamlMappingNode Workflow(string name)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(Text(Path.Combine(".github", "workflows", name))));
        return Assert.IsType<YamlMappingNode>(yaml.Documents.Single().RootNode);
    }

    private static YamlMappingNode Map(YamlNode node, string key) => Assert.IsType<YamlMappingNode>(((YamlMappingNode)node).Children[new YamlScalarNode(key)]);

    private static string Scalar(YamlNode node, string key) => Assert.IsType<YamlScalarNode>(((YamlMappingNode)node).Children[new YamlScalarNode(key)]).Value!;

    private static bool Has(YamlNode node, string key) => ((YamlMappingNode)node).Children.ContainsKey(new YamlScalarNode(key));

    private static List<YamlMappingNode> Steps(YamlMappingNode job) =>
        Assert.IsType<YamlSequenceNode>(job.Children[new YamlScalarNode("steps")]).Cast<YamlMappingNode>().ToList();

    private static List<string> Runs(YamlMappingNode job) => Steps(job).Where(step => Has(step, "run")).Select(step => Scalar(step, "run").Trim()).ToList();

    private static List<string> Uses(YamlMappingNode job) => Steps(job).Where(step => Has(step, "uses")).Select(step => Scalar(step, "uses").Split('@')[0]).ToList();

    /// <summary>Checks out, installs the .NET 10 SDK, and runs on GitHub's Ubuntu runner.</summary>
    private static void AssertDotnetJob(YamlMappingNode job)
    {
        Assert.Equal("ubuntu-latest", Scalar(job, "runs-on"));
        var uses = Uses(job);
        Assert.True(uses.IndexOf("actions/checkout") is >= 0 and var checkout && checkout < uses.IndexOf("actions/setup-dotnet"), string.Join(", ", uses));
        var setup = Steps(job).Single(step => Has(step, "uses") && Scalar(step, "uses").StartsWith("actions/setup-dotnet@", StringComparison.Ordinal));
        Assert.Equal("10.0.x", Scalar(Map(setup, "with"), "dotnet-version"));
    }

    [Fact]
    public void The_README_has_two_commands_and_ci_run_tests_with_the_second()
    {
        Assert.Equal(["dotnet run --project lib/RnnNotebooks.Cli -- run", "dotnet test RnnNotebooks.sln"], ReadmeCommands());
        var tests = Text(Path.Combine(".ci", "run")).Split('\n').Where(line => line.StartsWith("dotnet test", StringComparison.Ordinal)).ToList();
        Assert.Equal([ReadmeCommands()[1]], tests);
    }

    [Fact]
    public void CI_runs_ci_run_with_CI_true_on_every_push_and_pull_request_with_the_real_datasets_where_it_looks()
    {
        var workflow = Workflow("ci.yml");

        var on = Map(workflow, "on");
        Assert.True(Has(on, "push") && Has(on, "pull_request"));
        var job = Assert.IsType<YamlMappingNode>(Map(workflow, "jobs").Children.Values.Single());
        AssertDotnetJob(job);
        Assert.Equal("true", Scalar(Map(job, "env"), "CI"));
        var runs = Runs(job);
        Assert.Equal("bash .ci/run", runs[^1]);
        var fetch = runs.IndexOf("bash .ci/fetch-data ../shared/data");
        Assert.True(fetch >= 0 && fetch < runs.Count - 1, "the datasets are not fetched before .ci/run: " + string.Join(" | ", runs));
        Assert.Contains("[ -d ../shared/data ]", Text(Path.Combine(".ci", "run"))); // where .ci/run looks for them
    }

    [Fact]
    public void Pages_runs_the_READMEs_first_command_and_publishes_the_book_it_renders()
    {
        var workflow = Workflow("pages.yml");

        var branches = Assert.IsType<YamlSequenceNode>(Map(Map(workflow, "on"), "push").Children[new YamlScalarNode("branches")]);
        Assert.Equal(["main"], branches.Cast<YamlScalarNode>().Select(branch => branch.Value));
        Assert.Equal("write", Scalar(Map(workflow, "permissions"), "pages"));
        Assert.Equal("write", Scalar(Map(workflow, "permissions"), "id-token"));
        var jobs = Map(workflow, "jobs");
        var build = Map(jobs, "build");
        AssertDotnetJob(build);
        Assert.Contains(ReadmeCommands()[0], Runs(build));
        var upload = Steps(build).Single(step => Has(step, "uses") && Scalar(step, "uses").StartsWith("actions/upload-pages-artifact@", StringComparison.Ordinal));
        Assert.Equal("out/" + BookSources.BookFolder, Scalar(Map(upload, "with"), "path"));
        var deploy = Map(jobs, "deploy");
        Assert.Equal("build", Scalar(deploy, "needs"));
        Assert.Equal(["actions/deploy-pages"], Uses(deploy));
    }

    [Fact]
    public void Datasets_fetched_for_CI_are_the_files_the_loaders_pin()
    {
        var pins = PinLine().Matches(Text(Path.Combine(".ci", "fetch-data"))).Select(m => (Path: m.Groups[2].Value, Sha256: m.Groups[1].Value)).Order().ToList();
        var loaders = new[] { Wikigold.Source, Tatoeba.Source, BachChorales.Source }.Concat(LabelledSentences.JsonSources)
            .Select(source => (Path: source.RelativePath, source.Sha256)).Order().ToList();

        Assert.Equal(loaders, pins);
    }

    [GeneratedRegex(@"^([0-9a-f]{64})  (\S+)$", RegexOptions.Multiline)]
    private static partial Regex PinLine();
}
