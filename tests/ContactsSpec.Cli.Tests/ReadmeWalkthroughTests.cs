using System.CommandLine.Parsing;
using ContactsSpec.Cli.Tests.Support;

namespace ContactsSpec.Cli.Tests;

/// <summary>
/// The README's first-five-minutes walkthrough, run as written (in a copy of the checkout, so that its reports do
/// not land in this one): every step must end with exit code 0.
/// </summary>
[TestFixture]
public sealed class ReadmeWalkthroughTests
{
    private const string Heading = "### The first five minutes: the sandbox";
    private const string DotnetRun = "dotnet run --project src/ContactsSpec.Cli --";
    private const string Alias = "contacts-spec ";

    [Test]
    public async Task Every_step_of_the_walkthrough_succeeds()
    {
        using var repository = new RepositoryCopy();
        var steps = Steps(File.ReadAllLines(Path.Combine(CliTool.RepositoryRoot, "README.md")));
        Assert.That(steps, Is.Not.Empty, "the walkthrough's bash block");

        foreach (var step in steps)
        {
            var run = await CliTool.RunAsync(step, null, repository.Root, workingDirectory: repository.Root);
            Assert.That(run.ExitCode, Is.EqualTo(0), $"README step `{string.Join(' ', step)}`:\n{run}");
        }

        Assert.That(steps.Select(step => string.Join(' ', step.Take(2))), Does.Contain("contacts import"), "the walkthrough imports a file");
    }

    /// <summary>The walkthrough's commands: its first bash block, continuation lines joined, the alias line skipped.</summary>
    private static List<string[]> Steps(string[] readme)
    {
        var start = Array.IndexOf(readme, Heading);
        Assert.That(start, Is.Not.Negative, $"README.md has no '{Heading}'");
        var block = readme.Skip(start).SkipWhile(line => line != "```bash").Skip(1).TakeWhile(line => line != "```");
        var commands = new List<string>();
        var pending = string.Empty;
        foreach (var line in block)
        {
            pending += line.TrimEnd();
            if (pending.EndsWith('\\'))
            {
                pending = pending[..^1] + " ";
                continue;
            }

            commands.Add(pending.Split('#')[0].Trim());
            pending = string.Empty;
        }

        return [.. commands.Where(command => !command.StartsWith("alias ", StringComparison.Ordinal)).Select(command =>
            command.StartsWith(DotnetRun, StringComparison.Ordinal) ? Arguments(command[DotnetRun.Length..])
            : command.StartsWith(Alias, StringComparison.Ordinal) ? Arguments(command[Alias.Length..])
            : throw new AssertionException($"README walkthrough step the test cannot run as the tool: {command}"))];
    }

    private static string[] Arguments(string command) => [.. CommandLineParser.SplitCommandLine(command)];
}
