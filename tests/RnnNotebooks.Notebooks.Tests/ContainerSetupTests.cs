using System.Text.Json;
using System.Text.Json.Nodes;

namespace RnnNotebooks.Notebooks.Tests;

/// <summary>
/// The devcontainer and the Binder image cannot be built here (no Docker engine), so this checks what can be:
/// devcontainer.json parses and names files that exist, the Dockerfiles follow their rules and install packages
/// Debian has, and the post-create script builds a fresh clone and installs a kernelspec Jupyter lists.
/// </summary>
[Collection(JupyterCollection.Name)]
public sealed class ContainerSetupTests
{
    private static string Root => Repository.Layout.Root;

    [Fact]
    public void Devcontainer_json_parses_and_names_its_Dockerfile_script_and_extensions()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, ".devcontainer", "devcontainer.json")), null,
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;

        Assert.True(File.Exists(Path.Combine(Root, ".devcontainer", (string)json["build"]!["dockerfile"]!)));
        Assert.Equal("bash .devcontainer/post-create.sh", (string)json["postCreateCommand"]!);
        Assert.True(File.Exists(Path.Combine(Root, ".devcontainer", "post-create.sh")));
        var extensions = json["customizations"]!["vscode"]!["extensions"]!.AsArray().Select(e => (string)e!).ToList();
        Assert.Contains("ms-dotnettools.csharp", extensions);
        Assert.Contains("ms-toolsai.jupyter", extensions);
    }

    [Theory]
    [InlineData(".devcontainer/Dockerfile")]
    [InlineData("binder/Dockerfile")]
    public async Task The_Dockerfile_starts_from_the_NET_10_SDK_and_installs_packages_Debian_has(string dockerfile)
    {
        var text = new DockerfileText(Path.Combine(Root, dockerfile));

        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0"], text.Arguments("FROM"));
        var packages = text.AptPackages().ToList();
        Assert.DoesNotContain("npm", packages); // the build needs nothing but the .NET SDK
        foreach (var package in packages)
        {
            var show = await Processes.RunAsync("apt-cache", ["show", "--no-all-versions", package], Root, TimeSpan.FromMinutes(1));
            Assert.True(show.ExitCode == 0 && show.Output.Contains($"Package: {package}"), $"{dockerfile} installs {package}, which apt does not know (run apt-get update?):\n{show}");
        }
    }

    [Fact]
    public void The_Binder_Dockerfile_follows_repo2docker_rules()
    {
        var text = new DockerfileText(Path.Combine(Root, "binder", "Dockerfile"));

        Assert.Contains("NB_UID=1000", text.Arguments("ARG"));
        Assert.Contains("NB_USER=jovyan", text.Arguments("ARG"));
        Assert.Contains(text.Arguments("ENV"), env => env.Contains("HOME=/home/${NB_USER}") && env.Contains("PATH=/opt/jupyter/bin:${PATH}"));
        Assert.Equal(["--chown=${NB_UID} . ${HOME}"], text.Arguments("COPY"));
        Assert.Equal(["${NB_USER}"], text.Arguments("USER"));
        Assert.Contains(text.Arguments("RUN"), run => run.Contains("pip install --no-cache-dir jupyterlab"));
        Assert.Contains("bash .devcontainer/post-create.sh", text.Arguments("RUN"));
    }

    [JupyterFact]
    public async Task Post_create_builds_a_fresh_clone_and_installs_a_kernelspec_Jupyter_lists()
    {
        var clone = Path.Combine(Directory.CreateTempSubdirectory("rnnbook-devcontainer-").FullName, "repo");
        var head = (await Processes.RunAsync("git", ["rev-parse", "HEAD"], Root, TimeSpan.FromMinutes(1))).Output.Trim();
        Assert.Equal(0, (await Processes.RunAsync("git", ["clone", "--quiet", "--no-checkout", Root, clone], Root, TimeSpan.FromMinutes(2))).ExitCode);
        Assert.Equal(0, (await Processes.RunAsync("git", ["checkout", "--quiet", head], clone, TimeSpan.FromMinutes(2))).ExitCode);
        var jupyterData = Path.Combine(clone, "..", "jupyter-data");
        var environment = new Dictionary<string, string> { ["JUPYTER_DATA_DIR"] = jupyterData };
        try
        {
            var postCreate = await Processes.RunAsync("bash", [".devcontainer/post-create.sh"], clone, TimeSpan.FromMinutes(15), environment);

            Assert.True(postCreate.ExitCode == 0, $"post-create.sh failed in a fresh clone:\n{postCreate}");
            var kernel = JsonNode.Parse(File.ReadAllText(Path.Combine(jupyterData, "kernels", "rnnnotebooks-csharp", "kernel.json")))!;
            Assert.Equal(Path.Combine(clone, "artifacts", "bin", "RnnNotebooks.Cli", "debug", "rnnbook.dll"), (string)kernel["argv"]![1]!);
            var list = await Processes.RunAsync(JupyterTools.Jupyter, ["kernelspec", "list"], clone, TimeSpan.FromMinutes(1), environment);
            Assert.Contains("rnnnotebooks-csharp", list.Output);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(clone)!, recursive: true);
        }
    }
}
