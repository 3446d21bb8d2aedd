namespace RnnNotebooks.Torch;

/// <summary>Which TorchSharp twin a parity check runs.</summary>
public enum TwinKind
{
    /// <summary><see cref="TorchTwin"/>: torch.nn.RNN, nn.GRU or nn.LSTM (by the cell) and torch.nn.Linear.</summary>
    NnModule,

    /// <summary><see cref="TorchCellLoopTwin"/>: the note's RNN equations as a torch loop with autograd (RNN only).</summary>
    CellLoop,
}
