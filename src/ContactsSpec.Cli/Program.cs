using ContactsSpec.Cli;

return await CliApplication.RunAsync(args);
