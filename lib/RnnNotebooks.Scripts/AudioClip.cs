using System.Globalization;
using System.Net;

namespace RnnNotebooks.Scripts;

/// <summary>
/// A sound a notebook plays inline: a WAV file shown as an HTML <c>&lt;audio controls&gt;</c> element whose source is
/// the file itself as a data URI, so it plays offline in Jupyter and in the rendered book. Keep it small (mono, 8-16 kHz,
/// a few seconds): the bytes are stored in the notebook.
/// </summary>
public sealed class AudioClip
{
    /// <summary>A clip of WAV bytes with a caption.</summary>
    /// <param name="wav">A RIFF/WAVE file's bytes.</param>
    /// <param name="caption">What it is, shown above the player.</param>
    /// <exception cref="ArgumentException">The bytes are not a RIFF/WAVE file.</exception>
    public AudioClip(byte[] wav, string caption)
    {
        ArgumentNullException.ThrowIfNull(wav);
        ArgumentNullException.ThrowIfNull(caption);
        if (wav.Length < 44 || wav[0] != 'R' || wav[1] != 'I' || wav[2] != 'F' || wav[3] != 'F' || wav[8] != 'W' || wav[9] != 'A')
        {
            throw new ArgumentException($"wav: {wav.Length} bytes that do not start with a RIFF/WAVE header.", nameof(wav));
        }
        Wav = wav;
        Caption = caption;
    }

    /// <summary>The WAV file's bytes.</summary>
    public byte[] Wav { get; }

    /// <summary>What it is.</summary>
    public string Caption { get; }

    /// <summary>The player: a caption and an <c>&lt;audio controls&gt;</c> element with the WAV file as a data URI.</summary>
    public string ToHtml() =>
        $"<figure class=\"audio-clip\"><figcaption>{WebUtility.HtmlEncode(Caption)}</figcaption>" +
        $"<audio controls preload=\"auto\" src=\"data:audio/wav;base64,{Convert.ToBase64String(Wav)}\"></audio></figure>";

    /// <summary>The caption and the size.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"audio: {Caption} ({Wav.Length / 1024.0:F0} KB WAV)");
}
