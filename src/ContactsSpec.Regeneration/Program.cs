using ContactsSpec.Cli;
using ContactsSpec.Regeneration;

return await CliApplication.RunAsync(args, RegenerateCommand.CreateRoot);
