using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RnnNotebooks.TestSupport;

/// <summary>
/// Debian's classic <c>jupyter notebook</c> server on 127.0.0.1, on a free port, with a token, serving a
/// temporary folder that holds a copy of a notebook in <c>notebooks/</c> and a link to the repository's
/// <c>artifacts/</c> (so the notebook's <c>#r "../artifacts/..."</c> resolves and the repository is never written).
/// </summary>
public sealed class NotebookServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly System.Text.StringBuilder log = new();

    private NotebookServer(Process process, int port, string token, string root)
    {
        this.process = process;
        this.process.OutputDataReceived += (_, line) => Log(line.Data);
        this.process.ErrorDataReceived += (_, line) => Log(line.Data);
        Port = port;
        Token = token;
        Root = root;
    }

    /// <summary>What the server has logged so far.</summary>
    public string LogText { get { lock (log) { return log.ToString(); } } }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The token every request carries.</summary>
    public string Token { get; }

    /// <summary>The folder the server serves.</summary>
    public string Root { get; }

    /// <summary>The page of notebook <paramref name="name"/> (in notebooks/), with the token.</summary>
    public string NotebookUrl(string name) => $"http://127.0.0.1:{Port}/notebooks/notebooks/{name}?token={Token}";

    /// <summary>Starts a server for a copy of <paramref name="notebook"/>; returns once it answers.</summary>
    public static async Task<NotebookServer> StartAsync(string notebook, IReadOnlyDictionary<string, string> environment)
    {
        var root = Directory.CreateTempSubdirectory("rnnbook-notebook-server-").FullName;
        var notebooks = Directory.CreateDirectory(Path.Combine(root, "notebooks")).FullName;
        File.Copy(notebook, Path.Combine(notebooks, Path.GetFileName(notebook)));
        Directory.CreateSymbolicLink(Path.Combine(root, "artifacts"), Path.Combine(Repository.Layout.Root, "artifacts"));
        int port = FreePort();
        var token = Guid.NewGuid().ToString("N");
        var start = Processes.StartInfo(JupyterTools.Jupyter,
            ["notebook", "--no-browser", "--ip=127.0.0.1", $"--port={port}", "--port-retries=0", $"--NotebookApp.token={token}",
             $"--notebook-dir={root}", "--allow-root"], // CI runs as root; the server refuses root without it
            root, new Dictionary<string, string>(environment) { ["JUPYTER_CONFIG_DIR"] = Path.Combine(root, ".jupyter-config"), ["JUPYTER_RUNTIME_DIR"] = Path.Combine(root, ".jupyter-runtime") });
        var process = Process.Start(start)!;
        var server = new NotebookServer(process, port, token, root);
        process.BeginOutputReadLine(); // the server logs to both streams; read them so it never blocks
        process.BeginErrorReadLine();
        await server.WaitUntilReadyAsync();
        return server;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(process.HasExited, $"jupyter notebook exited:\n{LogText}");
            try
            {
                var status = await http.GetAsync($"http://127.0.0.1:{Port}/api/status?token={Token}");
                if (status.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        Assert.Fail($"jupyter notebook did not answer within 60 s:\n{LogText}");
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the server and its kernels, and removes the folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
