using System.Collections.Concurrent;
using NUnit.Framework.Interfaces;

namespace ContactsSpec.Reliability.Tests.Support;

/// <summary>
/// Fails every test during which the leak scan (<see cref="Evidence"/>) recorded a credential, so that a leak is a
/// failed test in <c>dotnet test</c>'s counts, not only a failure of the run's teardown. Tests run in parallel, so
/// a test running beside the leaking one may fail with it; the message names where each credential was found.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
internal sealed class FailOnCredentialLeakAttribute : Attribute, ITestAction
{
    private static readonly ConcurrentDictionary<string, int> _leaksBefore = new(StringComparer.Ordinal);

    public ActionTargets Targets => ActionTargets.Test;

    public void BeforeTest(ITest test) => _leaksBefore[test.Id] = Evidence.Leaks.Count;

    public void AfterTest(ITest test)
    {
        if (_leaksBefore.TryRemove(test.Id, out var before) && Evidence.Leaks.Skip(before).ToList() is { Count: > 0 } leaks)
        {
            Assert.Fail($"credentials found in texts the facade gave out: {string.Join(Environment.NewLine, leaks.Take(3))}");
        }
    }
}
