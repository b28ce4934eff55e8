using System.Globalization;
using System.Text.Json.Nodes;
using ContactsSpec.Conformance.Invocation;
using ContactsSpec.Conformance.Specs;
using Newtonsoft.Json;

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
    /// <summary>The prefix of every sandbox stub's name.</summary>
    public const string NamePrefix = "sandbox/";

    /// <summary>The sandbox stubs of one provider.</summary>
    public static JsonArray Build(ProviderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var mappings = new JsonArray();
        foreach (var operation in spec.Operations.Where(FacadeInvoker.IsReachable))
        {
            var success = operation.ResponseExamples().FirstOrDefault(example =>
                int.TryParse(example.Status, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 200 and < 300);
            if (success is null)
            {
                continue;
            }

            var response = new JsonObject { ["status"] = int.Parse(success.Status, NumberStyles.None, CultureInfo.InvariantCulture) };
            if (success.Value is not null)
            {
                response["headers"] = new JsonObject { ["Content-Type"] = success.MediaType ?? "application/json" };
                response["jsonBody"] = JsonNode.Parse(success.Value.ToString(Formatting.None));
            }

            mappings.Add(new JsonObject
            {
                ["name"] = $"{NamePrefix}{success.DisplayName}",
                ["request"] = new JsonObject
                {
                    ["method"] = operation.Method.ToUpperInvariant(),
                    ["urlPathTemplate"] = SpecCredentials.ServerBasePath(spec) + operation.Path,
                },
                ["response"] = response,
            });
        }

        return mappings;
    }

    /// <summary>The sandbox stubs of every provider in <paramref name="specs"/>, for one server (their paths do not overlap).</summary>
    public static JsonArray BuildAll(IEnumerable<ProviderSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var mappings = new JsonArray();
        foreach (var mapping in specs.SelectMany(spec => Build(spec)))
        {
            mappings.Add(mapping!.DeepClone());
        }

        return mappings;
    }

    /// <summary>The base address a facade client uses to reach the sandbox stubs of <paramref name="spec"/> on <paramref name="serverBaseUri"/>.</summary>
    public static Uri BaseUri(ProviderSpec spec, Uri serverBaseUri)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(serverBaseUri);
        return new Uri(serverBaseUri.GetLeftPart(UriPartial.Authority) + SpecCredentials.ServerBasePath(spec));
    }
}
