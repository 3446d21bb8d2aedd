using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using RnnNotebooks.Engine;
using Xunit.Abstractions;

namespace RnnNotebooks.Cli.Tests;

/// <summary>
/// A newcomer's path, read from README.md as they would copy it, so the README cannot drift from what works: the run
/// command is a command line rnnbook accepts (checked with <c>--dry-run</c>, which runs nothing), the test command names
/// the solution that holds every test project and is what CI runs, and the kernel command installs the kernel that
/// Jupyter then lists, built with every library the notebooks reference. Seconds, not minutes: rnnbook is the build
/// beside these tests, run as a child process in the repository root.
/// </summary>
public sealed partial class ReadmeCommandsTests(ITestOutputHelper output)
{
    private static string Root => Repository.Layout.Root;

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>rnnbook with <paramref name="args"/>, started as <c>dotnet run --project lib/RnnNotebooks.Cli -- ARGS</c> starts it, in the repository root.</summary>
    private async Task<ProcessResult> Rnnbook(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var run = await Processes.RunAsync(Jupyter.KernelCommandLine.DotnetHost(), [Repository.RnnbookDll, .. args], Root, Limit, environment);
        output.WriteLine($"rnnbook {string.Join(' ', args)}: {run}");
        return run;
    }

    [Fact]
    public async Task The_run_command_is_a_command_line_rnnbook_accepts_for_every_notebook()
    {
        var args = ReadmeCommands.RnnbookArguments(ReadmeCommands.In(ReadmeCommands.TwoCommands)[0]);

        var run = await Rnnbook([.. args, "--dry-run"]);

        Assert.True(run.ExitCode == 0, $"rnnbook {string.Join(' ', args)} --dry-run refused the README's run command:\n{run}");
        var plan = Whitespace().Replace(run.Output, " ");
        foreach (var notebook in RepositoryLayout.NotebooksIn(Repository.Layout.NotebooksFolder).Select(Path.GetFileName))
        {
            Assert.Contains($"would run {Path.Combine("notebooks", notebook!)} -> {Path.Combine(Repository.Layout.OutputFolder, "notebooks", notebook!)}", plan);
        }
        Assert.Contains($"would render the book: {Path.Combine(Repository.Layout.OutputFolder, "book", "index.html")}", plan);
    }

    [Fact]
    public async Task The_test_command_names_the_solution_of_every_test_project_and_is_what_CI_runs()
    {
        var test = ReadmeCommands.In(ReadmeCommands.TwoCommands)[1];
        var words = test.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.True(words is ["dotnet", "test", _], $"README's test command '{test}' is not 'dotnet test SOLUTION'");
        var solution = await Processes.RunAsync(Jupyter.KernelCommandLine.DotnetHost(), ["sln", words[2], "list"], Root, Limit);
        Assert.True(solution.ExitCode == 0, $"dotnet sln {words[2]} list: {solution}");
        var listed = solution.Output.Split('\n', StringSplitOptions.TrimEntries).Select(line => line.Replace('\\', '/')).ToHashSet();
        var testProjects = Directory.EnumerateFiles(Path.Combine(Root, "tests"), "*.Tests.csproj", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/')).ToList();
        Assert.NotEmpty(testProjects);
        Assert.All(testProjects, project => Assert.True(listed.Contains(project), $"{words[2]} does not hold {project}, so '{test}' skips it"));
        Assert.Contains(test, File.ReadAllLines(Path.Combine(Root, ".ci", "run")));
    }

    [Fact]
    public async Task The_kernel_command_installs_the_kernel_that_runs_this_build()
    {
        var kernelCommand = ReadmeCommands.In(ReadmeCommands.OpenTheNotebooks)[0];
        var args = ReadmeCommands.RnnbookArguments(kernelCommand);
        var data = TestNotebook.NewFolder();

        var install = await Rnnbook(args, new Dictionary<string, string> { ["JUPYTER_DATA_DIR"] = data });

        Assert.True(install.ExitCode == 0, $"the README's '{kernelCommand}' failed:\n{install}");
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(data, "kernels", "rnnnotebooks-csharp", "kernel.json")))!;
        Assert.Equal("C# (RnnNotebooks)", (string)spec["display_name"]!);
        Assert.Equal(Repository.RnnbookDll, (string)spec["argv"]![1]!);
        Assert.Equal(CourseLibraries.BuildCommand, kernelCommand); // what a notebook opened too early is told to run
    }

    [JupyterFact]
    public async Task Jupyter_lists_the_installed_kernel_and_the_README_opens_the_notebooks_folder()
    {
        var commands = ReadmeCommands.In(ReadmeCommands.OpenTheNotebooks);
        var data = TestNotebook.NewFolder();
        var environment = new Dictionary<string, string> { ["JUPYTER_DATA_DIR"] = data };
        var install = await Rnnbook(ReadmeCommands.RnnbookArguments(commands[0]), environment);
        Assert.True(install.ExitCode == 0, $"the README's '{commands[0]}' failed:\n{install}");

        var list = await Processes.RunAsync(JupyterTools.Jupyter, ["kernelspec", "list", "--json"], Root, Limit, environment);

        Assert.True(list.ExitCode == 0, $"jupyter kernelspec list: {list}");
        var kernel = JsonNode.Parse(list.Output)!["kernelspecs"]!["rnnnotebooks-csharp"];
        Assert.True(kernel is not null, $"Jupyter does not list rnnnotebooks-csharp after the README's '{commands[0]}':\n{list}");
        Assert.Equal(Path.Combine(data, "kernels", "rnnnotebooks-csharp"), (string)kernel["resource_dir"]!);
        Assert.Equal("C# (RnnNotebooks)", (string)kernel["spec"]!["display_name"]!);
        var jupyter = commands[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(jupyter is ["jupyter", "lab" or "notebook", _], $"README's '{commands[1]}' is not 'jupyter lab|notebook FOLDER'");
        Assert.NotEmpty(RepositoryLayout.NotebooksIn(Path.Combine(Root, jupyter[2])));
    }

    [Fact]
    public void The_rnnbook_project_builds_every_library_the_notebooks_reference()
    {
        var kernelCommand = ReadmeCommands.In(ReadmeCommands.OpenTheNotebooks)[0];
        ReadmeCommands.RnnbookArguments(kernelCommand); // the command's shape, and that its project is rnnbook's
        var project = Path.Combine(Root, kernelCommand.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3]);
        var built = ProjectClosure(Directory.EnumerateFiles(project, "*.csproj").Single())
            .Where(csproj => XDocument.Load(csproj).Descendants("CourseLibrary").Any(flag => flag.Value == "true"))
            .Select(csproj => Path.GetFileNameWithoutExtension(csproj) + ".dll").ToHashSet();

        var referenced = RepositoryLayout.NotebooksIn(Repository.Layout.NotebooksFolder)
            .SelectMany(notebook => CourseReference().Matches(File.ReadAllText(notebook)).Select(match => (Notebook: Path.GetFileName(notebook), Dll: match.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(referenced);
        Assert.All(referenced, reference => Assert.True(built.Contains(reference.Dll),
            $"{reference.Notebook} #r's artifacts/lib/{reference.Dll}, which building rnnbook does not build (course libraries it builds: {string.Join(", ", built)})"));
        Assert.All(referenced, reference => Assert.True(File.Exists(Path.Combine(Repository.CourseLibraries, reference.Dll)), $"{reference.Dll} is not in artifacts/lib"));
    }

    /// <summary>The project and every project it references, directly or not.</summary>
    private static HashSet<string> ProjectClosure(string csproj)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(csproj)]);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next))
            {
                continue;
            }
            foreach (var reference in XDocument.Load(next).Descendants("ProjectReference"))
            {
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(next)!, reference.Attribute("Include")!.Value.Replace('\\', '/'))));
            }
        }
        return seen;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>A notebook's <c>#r "../artifacts/lib/X.dll"</c> as stored in .ipynb JSON (quotes escaped).</summary>
    [GeneratedRegex(@"#r \\""\.\./artifacts/lib/([A-Za-z0-9.]+\.dll)\\""")]
    private static partial Regex CourseReference();
}
