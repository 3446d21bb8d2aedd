namespace RnnNotebooks.Book;

/// <summary>One entry of the book's search index: a section of a chapter and its words.</summary>
/// <param name="Chapter">The chapter's title.</param>
/// <param name="Page">The chapter's page file, e.g. <c>02-forward-propagation.html</c>.</param>
/// <param name="Heading">The section's heading (the chapter's title for the text before its first heading).</param>
/// <param name="Anchor">The section heading's id in the page; empty for the top of the page.</param>
/// <param name="Text">The section's prose and code as plain text (outputs left out).</param>
internal sealed record SearchSection(string Chapter, string Page, string Heading, string Anchor, string Text);
