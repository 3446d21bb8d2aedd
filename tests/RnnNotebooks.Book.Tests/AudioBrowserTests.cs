using RnnNotebooks.Book;
using RnnNotebooks.Engine;

namespace RnnNotebooks.Book.Tests;

/// <summary>
/// An inline audio player survives the whole way a notebook's output takes: a cell's <c>AudioClip</c> (a WAV file from the
/// course's synthesiser) becomes a text/html output through the engine, the book keeps its <c>&lt;audio&gt;</c> element and
/// data URI, and a browser loads it offline with the clip's duration.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed class AudioBrowserTests
{
    private static readonly string Library = Path.Combine(Repository.Layout.Root, "artifacts", "lib");

    /// <summary>The fixture's book page, rendered once: a notebook whose cell shows an <c>AudioClip</c> of 2.5 seconds.</summary>
    private static readonly Lazy<Task<string>> Page = new(RenderAudioNotebookAsync);

    [Fact]
    public async Task The_book_keeps_an_audio_clip_as_an_audio_element_with_its_WAV_as_a_data_URI()
    {
        var html = File.ReadAllText(await Page.Value);

        Assert.Contains("<figcaption>C E rest G</figcaption><audio controls preload=\"auto\" src=\"data:audio/wav;base64,UklGR", html);
    }

    [BrowserFact]
    public async Task A_notebook_audio_clip_plays_in_the_rendered_book_with_its_duration()
    {
        var players = await AudioPlayback.LoadAsync(await Page.Value);

        var player = Assert.Single(players);
        Assert.Equal("data", player.Scheme);
        Assert.Equal(2.5, player.Duration, 2); // 20 sixteenths at 120 quarter notes a minute: 20 * 0.125 s
    }

    private static async Task<string> RenderAudioNotebookAsync()
    {
        var folder = TestNotebook.NewFolder();
        var notebook = TestNotebook.Write(folder, "audio",
            ("code", $"#r \"{Path.Combine(Library, "RnnNotebooks.Data.dll")}\"\n#r \"{Path.Combine(Library, "RnnNotebooks.Scripts.dll")}\""),
            ("code", "using RnnNotebooks.Data;\nusing RnnNotebooks.Scripts;\n" +
                     "var notes = new[] { new MelodyNote(60, 4), new MelodyNote(64, 4), new MelodyNote(MelodyNote.Rest, 4), new MelodyNote(67, 8) };\n" +
                     "new AudioClip(new WavSynth(SampleRate: 8000, BeatsPerMinute: 120).ToWav(notes), \"C E rest G\")"));
        var run = await new NotebookRunner(new RunOptions()).RunAsync(notebook);
        Assert.True(run.Succeeded, run.Failure?.ToString());
        var book = Path.Combine(folder, "book");
        BookRenderer.Render([run.Executed!], book);
        return Path.Combine(book, "audio.html");
    }
}
