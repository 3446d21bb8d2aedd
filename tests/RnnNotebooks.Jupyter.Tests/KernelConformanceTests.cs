using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace RnnNotebooks.Jupyter.Tests;

/// <summary>
/// The Jupyter project's kernel conformance suite (Debian's python3-jupyter-kernel-test) passes against the
/// kernel: kernel info, execute, stdout, stderr, errors, execute results, display data, completion, is_complete,
/// inspect. The suite's test class is tests/jupyter/test_conformance.py; history is declared unsupported.
/// </summary>
[Collection(JupyterCollection.Name)]
public sealed class KernelConformanceTests(ITestOutputHelper output)
{
    [JupyterFact]
    public async Task The_jupyter_kernel_test_suite_passes()
    {
        var suite = Path.Combine(Repository.Layout.Root, "tests", "jupyter", "test_conformance.py");

        var run = await Processes.RunAsync(JupyterTools.Python, ["-m", "pytest", "-v", "-p", "no:cacheprovider", suite],
            Path.GetTempPath(), TimeSpan.FromMinutes(5), await KernelInstallation.EnvironmentAsync());

        output.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, $"jupyter_kernel_test failed:\n{run}");
        var summary = Regex.Match(run.Output, @"(\d+) passed");
        Assert.True(summary.Success && int.Parse(summary.Groups[1].Value) >= 9, $"expected at least 9 passing conformance tests:\n{run.Output}");
    }
}
