namespace RnnNotebooks.Tasks;

/// <summary>Which encoder-decoder a <see cref="Translator"/> runs.</summary>
public enum TranslatorKind
{
    /// <summary><see cref="EncoderDecoder"/>: the encoder's last state is all the decoder sees of the input.</summary>
    EncoderDecoder,

    /// <summary><see cref="AttentionEncoderDecoder"/>: a bidirectional encoder and additive attention.</summary>
    Attention,
}
