namespace RnnNotebooks.Torch;

/// <summary>Which of TorchSharp's recurrent layers a TorchSharp application model uses.</summary>
public enum RecurrentCell
{
    /// <summary><c>nn.RNN</c> with tanh: the note's a&lt;t&gt; = tanh(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba).</summary>
    Rnn,

    /// <summary><c>nn.GRU</c> (<see cref="GruCell"/>'s equations).</summary>
    Gru,

    /// <summary><c>nn.LSTM</c> (<see cref="LstmCell"/>'s equations).</summary>
    Lstm,
}
