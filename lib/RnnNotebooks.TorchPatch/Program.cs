using RnnNotebooks.TorchPatch;
using RnnNotebooks.TorchPatch.Elf;

// dotnet run --project lib/RnnNotebooks.TorchPatch -- [--packages DIR] [APP_FOLDER ...]
// Marks libLibTorchSharp.so's need of GLIBCXX_3.4.32 weak where this machine's libstdc++ lacks it: in every torchsharp
// version of the NuGet packages folder (default: NUGET_PACKAGES, else ~/.nuget/packages) and in each APP_FOLDER
// (a build output). Exit code 0 when done or nothing was needed, 1 on a file that is not the ELF file expected, 2 on bad arguments.
var appFolders = new List<string>();
string packages = LibTorchSharpFiles.GlobalPackagesFolder();
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--packages")
    {
        if (i + 1 == args.Length)
        {
            Console.Error.WriteLine("--packages needs a folder: the NuGet global packages folder.");
            return 2;
        }
        packages = args[++i];
    }
    else if (args[i].StartsWith('-'))
    {
        Console.Error.WriteLine($"unknown option {args[i]}; usage: [--packages DIR] [APP_FOLDER ...]");
        return 2;
    }
    else
    {
        appFolders.Add(args[i]);
    }
}
try
{
    Console.WriteLine($"TorchPatch: {LibTorchSharpPatcher.Run(packages, appFolders)}");
    return 0;
}
catch (ElfFormatException e)
{
    Console.Error.WriteLine($"TorchPatch: {e.Message}");
    return 1;
}
