namespace RnnNotebooks.Torch;

/// <summary>Which TorchSharp twin a parity check runs.</summary>
public enum TwinKind
{
    /// <summary><see cref="TorchRnnTwin"/>: torch.nn.RNN and torch.nn.Linear.</summary>
    NnRnn,

    /// <summary><see cref="TorchCellLoopTwin"/>: the note's equations as a torch loop with autograd.</summary>
    CellLoop,
}
