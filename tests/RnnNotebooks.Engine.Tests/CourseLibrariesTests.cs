namespace RnnNotebooks.Engine.Tests;

/// <summary>
/// Which <c>#r</c> of a cell names a course library that is not built: only references into an artifacts/lib folder count,
/// resolved against the notebook's folder, in the platform's separators.
/// </summary>
public sealed class CourseLibrariesTests
{
    private static (string Notebooks, string Library) Clone(bool built)
    {
        var root = TestNotebook.NewFolder();
        var notebooks = Directory.CreateDirectory(Path.Combine(root, "notebooks")).FullName;
        var library = Path.Combine(root, "artifacts", "lib", "RnnNotebooks.dll");
        if (built)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(library)!);
            File.WriteAllBytes(library, [0]);
        }
        return (notebooks, library);
    }

    [Fact]
    public void A_reference_to_an_unbuilt_library_is_found_as_a_full_path()
    {
        var (notebooks, library) = Clone(built: false);

        Assert.Equal(library, CourseLibraries.MissingReference("#r \"../artifacts/lib/RnnNotebooks.dll\"\nusing RnnNotebooks;", notebooks));
        Assert.Equal(library, CourseLibraries.MissingReference($"  #r \"{Path.Combine("..", "artifacts", "lib", "RnnNotebooks.dll")}\"  \r\n", notebooks));
    }

    [Fact]
    public void A_built_library_and_the_second_reference_of_a_cell_are_told_apart()
    {
        var (notebooks, library) = Clone(built: true);
        var scripts = Path.Combine(Path.GetDirectoryName(library)!, "RnnNotebooks.Scripts.dll");

        Assert.Null(CourseLibraries.MissingReference("#r \"../artifacts/lib/RnnNotebooks.dll\"", notebooks));
        Assert.Equal(scripts, CourseLibraries.MissingReference(
            "#r \"../artifacts/lib/RnnNotebooks.dll\"\n#r \"../artifacts/lib/RnnNotebooks.Scripts.dll\"", notebooks));
    }

    [Theory]
    [InlineData("#r \"nuget: Plotly.NET.CSharp, 0.14.0\"")]
    [InlineData("#r \"../elsewhere/Missing.dll\"")]
    [InlineData("// #r \"../artifacts/lib/RnnNotebooks.dll\"")]
    [InlineData("var path = \"#r \\\"../artifacts/lib/RnnNotebooks.dll\\\"\";")]
    [InlineData("")]
    public void Packages_other_files_comments_and_strings_are_not_course_libraries(string code)
    {
        var (notebooks, _) = Clone(built: false);

        Assert.Null(CourseLibraries.MissingReference(code, notebooks));
    }

}
