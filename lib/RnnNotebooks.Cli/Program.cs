// rnnbook: run the course's notebooks headless and render the book. See README.md beside this file.
return await RnnNotebooks.Cli.RnnBookCli.RunAsync(args);
