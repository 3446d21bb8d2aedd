using RnnNotebooks.Engine;
using static RnnNotebooks.TestSupport.TestNotebook;

namespace RnnNotebooks.Cli.Tests;

/// <summary>Which notebooks are the book's chapters, and where executed copies go, on a made-up repository.</summary>
public sealed class BookSourcesTests
{
    private readonly string root = NewFolder();

    private RepositoryLayout Course()
    {
        Directory.CreateDirectory(Path.Combine(root, "notebooks"));
        foreach (var name in new[] { "00-setup", "01-first", "02-second" })
        {
            Write(Path.Combine(root, "notebooks"), name, Markdown("# " + name));
        }
        return new RepositoryLayout(root);
    }

    [Fact]
    public void Running_one_course_notebook_keeps_every_chapter_in_course_order()
    {
        var course = Course();
        var book = new BookSources(course.OutputFolder, course);
        Directory.CreateDirectory(Path.Combine(course.OutputFolder, "notebooks"));
        File.Copy(Path.Combine(course.NotebooksFolder, "01-first.ipynb"), book.ExecutedPath(Path.Combine(course.NotebooksFolder, "01-first.ipynb")));

        var chapters = book.Chapters();

        Assert.Equal(["00-setup.ipynb", "01-first.ipynb", "02-second.ipynb"], chapters.Select(Path.GetFileName));
        Assert.Equal(Path.Combine(course.OutputFolder, "notebooks", "01-first.ipynb"), chapters[1]);
        Assert.Equal(Path.Combine(course.NotebooksFolder, "02-second.ipynb"), chapters[2]);
    }

    [Fact]
    public void A_notebook_from_elsewhere_stays_out_of_the_course_book_unless_asked()
    {
        var course = Course();
        var book = new BookSources(course.OutputFolder, course);
        var outside = Write(NewFolder(), "99-mine", Markdown("# Mine"));

        Assert.False(book.EntersBook(outside));
        Assert.Equal(Path.Combine(course.OutputFolder, "other", "99-mine.ipynb"), book.ExecutedPath(outside));
        Assert.True(book.EntersBook(outside, addToBook: true));
        Assert.Equal(Path.Combine(course.OutputFolder, "notebooks", "99-mine.ipynb"), book.ExecutedPath(outside, addToBook: true));
        Assert.True(book.EntersBook(Path.Combine(course.NotebooksFolder, "01-first.ipynb")));
    }

    [Fact]
    public void A_book_of_its_own_holds_what_was_run_into_it_and_no_course_notebook()
    {
        var output = Path.Combine(NewFolder(), "out");
        var book = new BookSources(output, Course: null);
        var mine = Write(NewFolder(), "03-mine", Markdown("# Mine"));
        Directory.CreateDirectory(Path.Combine(output, "notebooks"));
        File.Copy(mine, book.ExecutedPath(mine));

        Assert.True(book.EntersBook(mine));
        Assert.Equal([Path.Combine(output, "notebooks", "03-mine.ipynb")], book.Chapters());
    }
}
