using System.CommandLine;
using ContactsSpec.Cli.Output;
using Spectre.Console;

namespace ContactsSpec.Cli.Contacts;

/// <summary><c>contacts delete</c>: one id or several, batched where the provider has batches.</summary>
internal static class DeleteContactsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("delete", "Delete contacts by their provider-side ids (several ids: in batches where the provider has them).");
        var connection = new ConnectionOptions();
        connection.AddTo(command);
        var ids = new Argument<string[]>("id") { Description = "Provider-side ids.", Arity = ArgumentArity.OneOrMore };
        command.Arguments.Add(ids);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var format = parse.GetValue(CliApplication.OutputOption);
            var values = parse.GetRequiredValue(ids);
            using var provider = await ProviderConnection.OpenAsync(connection.Read(parse), console, cancellationToken);
            List<string> deleted;
            List<BatchItemDocument> failed = [];
            ContactsException? firstError = null;
            if (values.Length == 1)
            {
                await provider.Client.DeleteAsync(values[0], cancellationToken);
                deleted = [values[0]];
            }
            else
            {
                var result = await provider.Client.DeleteManyAsync(values, cancellationToken);
                deleted = [.. result.Succeeded.Select(item => item.Key ?? values[item.Index])];
                failed = [.. result.Items.Where(item => item.Status != ContactBatchItemStatus.Succeeded)
                    .Select(item => new BatchItemDocument(item.Index, item.Key, item.Status, item.Error is null ? null : ErrorReporter.Describe(item.Error)))];
                firstError = result.Items.FirstOrDefault(item => item.Error is not null)?.Error;
            }

            console.Write(format, new DeleteDocument(provider.Provider, deleted, failed), people =>
            {
                foreach (var id in deleted)
                {
                    people.MarkupLine($"[green]Deleted[/] {Markup.Escape(id)} at {Markup.Escape(provider.Provider)}.");
                }

                foreach (var item in failed)
                {
                    people.MarkupLine($"[red]Not deleted[/] {Markup.Escape(item.Key ?? values[item.Index])}: {Markup.Escape(item.Error?.Kind ?? item.Status.ToString())}: {Markup.Escape(item.Error?.Message ?? string.Empty)}");
                }
            });

            return firstError is null ? ExitCodes.Success : ExitCodes.For(firstError.Kind);
        });
        return command;
    }
}
