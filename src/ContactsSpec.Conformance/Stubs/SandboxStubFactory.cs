using System.Globalization;
using ContactsSpec.Conformance.Invocation;
using ContactsSpec.Specs;
using ContactsSpec.Conformance.Verification;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ContactsSpec.Conformance.Stubs;

/// <summary>
/// Stubs for the command-line tool's <c>--sandbox</c>: a provider's documented behaviour without an account. Unlike
/// the conformance stubs, which accept only the spec's exact example request, a sandbox stub matches any request
/// to the operation (method and path template, whatever the values, credentials or body) and answers with the
/// operation's first documented 2xx example: the documented page for a list, the documented contact for a read,
/// the documented success for a write. One stub per operation a facade call sends.
/// </summary>
public static class SandboxStubFactory
{
    /// <summary>The prefix of every sandbox stub's title.</summary>
    public const string NamePrefix = "sandbox/";

    /// <summary>A path no provider uses, answered 200 by every sandbox: how a client tells that a sandbox is running there.</summary>
    public const string HealthPath = "/__contactsspec/sandbox";

    // The sandbox stubs of one provider.
    private static List<WireMockStub> Build(ProviderSpec spec)
    {
        var stubs = new List<WireMockStub>();
        foreach (var operation in spec.Operations.Where(FacadeInvoker.IsReachable))
        {
            var success = operation.ResponseExamples().FirstOrDefault(example =>
                int.TryParse(example.Status, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 200 and < 300);
            if (success is null)
            {
                continue;
            }

            var response = Response.Create().WithStatusCode(int.Parse(success.Status, NumberStyles.None, CultureInfo.InvariantCulture));
            if (success.Value is not null)
            {
                response.WithHeader("Content-Type", success.MediaType ?? "application/json").WithBody(SpecJson.Compact(success.Value));
            }

            var request = Request.Create()
                .UsingMethod(operation.Method.ToUpperInvariant())
                .WithPath(new RegexMatcher(RequestVerifier.PathPattern(operation, []).ToString()));
            stubs.Add(new WireMockStub($"{NamePrefix}{success.DisplayName}", request, response));
        }

        return stubs;
    }

    /// <summary>
    /// The sandbox stubs of every provider in <paramref name="specs"/>, for one server (their paths do not overlap),
    /// and the health stub at <see cref="HealthPath"/>.
    /// </summary>
    public static IReadOnlyList<WireMockStub> BuildAll(IEnumerable<ProviderSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var health = new WireMockStub($"{NamePrefix}health", Request.Create().UsingGet().WithPath(HealthPath), Response.Create().WithStatusCode(200));
        return [.. specs.SelectMany(Build), health];
    }

    /// <summary>The base address a facade client uses to reach the sandbox stubs of <paramref name="spec"/> on <paramref name="serverBaseUri"/>.</summary>
    public static Uri BaseUri(ProviderSpec spec, Uri serverBaseUri)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(serverBaseUri);
        return new Uri(serverBaseUri.GetLeftPart(UriPartial.Authority) + SpecCredentials.ServerBasePath(spec));
    }
}
