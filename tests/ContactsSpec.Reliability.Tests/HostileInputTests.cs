using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Conformance.Stubs;
using ContactsSpec.Reliability.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ContactsSpec.Reliability.Tests;

/// <summary>
/// Property-based hostile input (FsCheck) against an in-memory provider that records what would go on the wire:
/// arbitrary Unicode, control characters, overlong fields, empty and whitespace values, ids and credentials with
/// <c>/ ? # % &amp; ..</c> and spaces. Every input is either rejected before sending (InvalidInput naming the field;
/// a credential setting by the options' ArgumentException naming the setting) or sent so that decoding the path
/// segment, query parameter, header, JSON or URL-encoded form body gives back exactly the value given, with the credentials
/// in their documented place only. At least 10,000 inputs per provider.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class HostileInputTests
{
    public const int UpsertInputs = 10_000;
    public const int IdInputs = 1_000;
    public const int WireMockSample = 200;
    private static readonly Uri _root = new("https://provider.test/");

    private static readonly Gen<ChatType> _chatTypes = Gen.Frequency(
        (4, Gen.Elements(ChatType.WhatsApp, ChatType.Telegram, ChatType.Viber, ChatType.Instagram, new ChatType("futuremessenger"))),
        (1, Gen.Constant(default(ChatType))),
        (1, Hostile.Text.Where(text => !string.IsNullOrWhiteSpace(text)).Select(text => new ChatType(text))));

    private static readonly Gen<ContactChannel> _channel =
        from chatType in _chatTypes
        from chatId in Hostile.Or("79001234567")
        from username in Hostile.Optional("ivan_petrov")
        from phone in Hostile.Optional("79001234567")
        select new ContactChannel { ChatType = chatType, ChatId = chatId, Username = username, Phone = phone };

    private static readonly Gen<Contact> _wazzupContact =
        from id in Hostile.Or("crm-42")
        from responsible in Hostile.Or("7")
        from name in Hostile.Or("Ivan Petrov")
        from web in Hostile.Or("https://crm.example.com/contacts/42?tab=a&b=c#top")
        from channels in Gen.Choose(0, 2).SelectMany(count => _channel.ArrayOf(count))
        select new Contact { Id = id, ResponsibleUserId = responsible, Name = name, Web = web, Channels = channels };

    [Test]
    public void Wamm_upsert() => Run(ContactsProviders.Wamm, nameof(ContactsOperations.Upsert), UpsertInputs,
        from phone in Hostile.Or("79001234567")
        from id in Gen.Frequency((3, Gen.Constant<string?>(null)), (1, Gen.Constant<string?>(phone)), (1, Hostile.Text.Select(text => (string?)text)))
        from name in Hostile.Optional("Ivan Petrov")
        from firstName in Hostile.Optional("Ivan")
        from email in Hostile.Optional("ivan@example.com")
        from web in Hostile.Optional("https://example.com/a?b=c&d=e#f")
        from notes in Hostile.Optional("line one\nline two")
        from token in Hostile.Credential
        select new Input(new Credentials(token), new Contact { Phone = phone, Id = id, Name = name, FirstName = firstName, Email = email, Web = web, Notes = notes }),
        (client, input) => client.UpsertAsync(input.Contact!),
        (input, request) =>
        {
            var contact = input.Contact!;
            var segments = Wire.Segments(request.Path);
            return [
                .. Same("route", string.Join('/', segments.Take(2)), "api2/contact_to"),
                .. Same("phone", OneQueryValue(request, "phone"), TextOrNull(contact.Phone) ?? TextOrNull(contact.Id)),
                .. Same("name", OneQueryValue(request, "name"), contact.DisplayName),
                .. Same("info", OneQueryValue(request, "info"), TextOrNull(contact.Notes)),
                .. Same("email", OneQueryValue(request, "email"), TextOrNull(contact.Email)),
                .. Same("web", OneQueryValue(request, "web"), TextOrNull(contact.Web)),
            ];
        }, WireMockSample);

    [Test]
    public void Wamm_get_and_delete_by_id()
    {
        Run(ContactsProviders.Wamm, nameof(ContactsOperations.Get), IdInputs, IdInput("79001234567"), (client, input) => client.GetAsync(input.Id!),
            (input, request) => [.. Same("route", string.Join('/', Wire.Segments(request.Path).Take(2)), "api2/contact_get"), .. Same("phone", Wire.Segments(request.Path)[3], input.Id)]);
        Run(ContactsProviders.Wamm, nameof(ContactsOperations.Delete), IdInputs, IdInput("79001234567"), (client, input) => client.DeleteAsync(input.Id!),
            (input, request) => [.. Same("route", string.Join('/', Wire.Segments(request.Path).Take(2)), "api2/contact_delete"), .. Same("phone", OneQueryValue(request, "phone"), input.Id)]);
    }

    [Test]
    public void Wawp_upsert() => Run(ContactsProviders.Wawp, nameof(ContactsOperations.Upsert), UpsertInputs,
        from id in Gen.Frequency(
            (2, Gen.Constant<string?>(null)), (2, Gen.Constant<string?>("79001234567@c.us")),
            (1, Hostile.Text.Select(text => (string?)text)), (1, Hostile.Text.Select(text => (string?)(text + "@c.us"))))
        from phone in Hostile.Optional("+79001234567")
        from name in Hostile.Optional("Ivan Petrov")
        from firstName in Hostile.Optional("Ivan")
        from lastName in Hostile.Optional("Petrov")
        from token in Hostile.Credential
        from instance in Hostile.Credential
        select new Input(new Credentials(token, instance), new Contact { Id = id, Phone = phone, Name = name, FirstName = firstName, LastName = lastName }),
        (client, input) => client.UpsertAsync(input.Contact!),
        (input, request) =>
        {
            var contact = input.Contact!;
            var segments = Wire.Segments(request.Path);
            var chatId = TextOrNull(contact.Id) ?? (contact.Phone!.StartsWith('+') ? contact.Phone[1..] : contact.Phone) + "@c.us";
            var (first, last) = TextOrNull(contact.FirstName) is not null || TextOrNull(contact.LastName) is not null
                ? (TextOrNull(contact.FirstName), TextOrNull(contact.LastName))
                : (TextOrNull(contact.Name), null);
            var body = JsonNode.Parse(request.Body.AsSpan())!;
            return [
                .. Same("route", string.Join('/', segments.Take(2)), "v2/contacts"),
                .. Same("chatId", segments[2], chatId),
                .. Same("firstName", Text(body["firstName"]), first),
                .. Same("lastName", Text(body["lastName"]), last),
            ];
        }, WireMockSample);

    [Test]
    public void Wasms_create_contact() => Run(ContactsProviders.Wasms, nameof(ContactsOperations.Upsert), UpsertInputs,
        from phone in Hostile.Or("+923012345678")
        from name in Hostile.Optional("Martin Crater")
        from firstName in Hostile.Optional("Martin")
        from groups in Gen.Choose(0, 3).SelectMany(count => Hostile.Or("1").ArrayOf(count))
        from secret in Hostile.Credential
        select new Input(new Credentials(secret), new Contact { Phone = phone, Name = name, FirstName = firstName, Groups = groups }),
        (client, input) => client.UpsertAsync(input.Contact!),
        (input, request) =>
        {
            var contact = input.Contact!;
            var form = Wire.Form(request.Body, request.Header("Content-Type"));
            return [
                .. Same("route", request.Path, "/api/create/contact"),
                // groups is optional: a contact that joins no group goes without the field, not with an empty one.
                .. Same("form fields", string.Join(',', form.Select(field => field.Key)), contact.Groups.Count == 0 ? "secret,phone,name" : "secret,phone,name,groups"),
                .. Same("phone", FormValue(form, "phone"), contact.Phone),
                .. Same("name", FormValue(form, "name"), contact.DisplayName),
                .. Same("groups", FormValue(form, "groups"), contact.Groups.Count == 0 ? null : string.Join(',', contact.Groups)),
            ];
        }, WireMockSample);

    [Test]
    public void Wasms_groups_and_deletes()
    {
        Run(ContactsProviders.Wasms, nameof(ContactsOperations.CreateGroup), IdInputs,
            from name in Hostile.Or("Customers") from secret in Hostile.Credential select new Input(new Credentials(secret), Id: name),
            (client, input) => client.CreateGroupAsync(input.Id!),
            (input, request) =>
            {
                var form = Wire.Form(request.Body, request.Header("Content-Type"));
                return [.. Same("route", request.Path, "/api/create/group"), .. Same("name", FormValue(form, "name"), input.Id)];
            });
        Run(ContactsProviders.Wasms, nameof(ContactsOperations.Delete), IdInputs, IdInput("5"), (client, input) => client.DeleteAsync(input.Id!),
            (input, request) => [.. Same("route", request.Path, "/api/delete/contact"), .. Same("id", OneQueryValue(request, "id"), Numeric(input.Id!))]);
        Run(ContactsProviders.Wasms, nameof(ContactsOperations.DeleteGroup), IdInputs, IdInput("3"), (client, input) => client.DeleteGroupAsync(input.Id!),
            (input, request) => [.. Same("route", request.Path, "/api/delete/group"), .. Same("id", OneQueryValue(request, "id"), Numeric(input.Id!))]);
    }

    [Test]
    public void WazzupV2_upsert() => Run(ContactsProviders.WazzupV2, nameof(ContactsOperations.Upsert), UpsertInputs,
        from contact in _wazzupContact from token in Hostile.Credential select new Input(new Credentials(token), contact),
        (client, input) => client.UpsertAsync(input.Contact!),
        (input, request) =>
        {
            var body = JsonNode.Parse(request.Body.AsSpan())!;
            return [
                .. Same("route", request.Method + " " + request.Path, "POST /v2/contacts"),
                .. SameContact(input.Contact!, body["contacts"]!.AsArray().Single()!, "id", "responsible_user_id", "name", "uri", "contact_data", "chat_type", "chat_id"),
            ];
        }, WireMockSample);

    [Test]
    public void WazzupV2_get_and_delete_by_id()
    {
        Run(ContactsProviders.WazzupV2, nameof(ContactsOperations.Get), IdInputs, IdInput("contacts1"), (client, input) => client.GetAsync(input.Id!),
            (input, request) => [.. Same("route", string.Join('/', Wire.Segments(request.Path).Take(2)), "v2/contacts"), .. Same("id", Wire.Segments(request.Path)[2], input.Id)]);
        Run(ContactsProviders.WazzupV2, nameof(ContactsOperations.Delete), IdInputs, IdInput("contacts1"), (client, input) => client.DeleteAsync(input.Id!),
            (input, request) => [.. Same("route", request.Method + " " + request.Path, "DELETE /v2/contacts"),
                .. Same("contact_ids", Text(JsonNode.Parse(request.Body.AsSpan())!["contact_ids"]!.AsArray().Single()), input.Id)]);
    }

    [Test]
    public void WazzupV3_upsert() => Run(ContactsProviders.WazzupV3, nameof(ContactsOperations.Upsert), UpsertInputs,
        from contact in _wazzupContact from token in Hostile.Credential select new Input(new Credentials(token), contact),
        (client, input) => client.UpsertAsync(input.Contact!),
        (input, request) => [
            .. Same("route", request.Method + " " + request.Path, "POST /v3/contacts"),
            .. SameContact(input.Contact!, JsonNode.Parse(request.Body.AsSpan())!.AsArray().Single()!, "id", "responsibleUserId", "name", "uri", "contactData", "chatType", "chatId"),
        ], WireMockSample);

    [Test]
    public void WazzupV3_get_delete_and_bulk_delete_by_id()
    {
        Run(ContactsProviders.WazzupV3, nameof(ContactsOperations.Get), IdInputs, IdInput("crm-42"), (client, input) => client.GetAsync(input.Id!),
            (input, request) => [.. Same("route", string.Join('/', Wire.Segments(request.Path).Take(2)), "v3/contacts"), .. Same("id", Wire.Segments(request.Path)[2], input.Id)]);
        Run(ContactsProviders.WazzupV3, nameof(ContactsOperations.Delete), IdInputs, IdInput("crm-42"), (client, input) => client.DeleteAsync(input.Id!),
            (input, request) => [.. Same("route", request.Method + " " + string.Join('/', Wire.Segments(request.Path).Take(2)), "DELETE v3/contacts"), .. Same("id", Wire.Segments(request.Path)[2], input.Id)]);
        Run(ContactsProviders.WazzupV3, nameof(ContactsOperations.DeleteMany), IdInputs,
            from ids in Gen.Choose(1, 3).SelectMany(count => Hostile.Or("crm-42").ArrayOf(count)) from token in Hostile.Credential
            select new Input(new Credentials(token), Ids: ids),
            async (client, input) =>
            {
                var result = await client.DeleteManyAsync(input.Ids!);
                if (!result.AllSucceeded)
                {
                    throw result.Items.First(item => item.Status != ContactBatchItemStatus.Succeeded).Error!;
                }
            },
            (input, request) => [
                .. Same("route", request.Method + " " + request.Path, "PATCH /v3/contacts/bulk_delete"),
                .. Same("ids", string.Join('\n', JsonNode.Parse(request.Body.AsSpan())!.AsArray().Select(Text)), string.Join('\n', input.Ids!)),
            ]);
    }

    /// <summary>What one generated input is: credentials and the call's argument.</summary>
    internal sealed record Input(Credentials Credentials, Contact? Contact = null, string? Id = null, IReadOnlyList<string>? Ids = null)
    {
        public override string ToString() =>
            $"credentials {Escape(Credentials.Secret)}{(Credentials.InstanceId is { } instance ? " / " + Escape(instance) : "")}; "
            + (Contact is { } contact
                ? $"contact {{ Id {Escape(contact.Id)}, Phone {Escape(contact.Phone)}, Name {Escape(contact.Name)}, FirstName {Escape(contact.FirstName)}, "
                  + $"LastName {Escape(contact.LastName)}, Email {Escape(contact.Email)}, Web {Escape(contact.Web)}, Notes {Escape(contact.Notes)}, "
                  + $"ResponsibleUserId {Escape(contact.ResponsibleUserId)}, Groups [{string.Join(", ", contact.Groups.Select(Escape))}], Channels [{string.Join(", ",
                      contact.Channels.Select(channel => $"{Escape(channel.ChatType.Value)} {Escape(channel.ChatId)} {Escape(channel.Username)} {Escape(channel.Phone)}"))}] }}"
                : Ids is { } ids ? $"ids [{string.Join(", ", ids.Select(Escape))}]" : $"id {Escape(Id)}");
    }

    private static Gen<Input> IdInput(string valid) =>
        from id in Hostile.Or(valid) from secret in Hostile.Credential from instance in Hostile.Credential
        select new Input(new Credentials(secret, instance), Id: id);

    /// <summary>
    /// Runs <paramref name="count"/> generated inputs through <paramref name="call"/> on a fresh client each (its
    /// credentials are part of the input), against an in-memory provider answering the documented success; then
    /// <paramref name="sample"/> more through the real WireMock.Net server, judged on what its log recorded.
    /// </summary>
    private static void Run(
        string provider, string property, int count, Gen<Input> inputs, Func<ContactsClient, Input, Task> call,
        Func<Input, RecordedRequest, IEnumerable<string>> decode, int sample = 0)
    {
        var operations = ProviderCatalog.Operations.Where(operation => operation.Provider == provider).ToList();
        var memory = new RecordingHandler(request => Answer(operations, request));
        Verify(provider, property, count, inputs, call, decode, () => (memory, _root, memory.Clear, () => memory.Requests));
        if (sample == 0)
        {
            return;
        }

        // One stub answers every request of the sample with the operation's documented success.
        var run = $"hostile/{provider}/{property}/{Guid.NewGuid():N}";
        var answer = ReliabilityRun.SuccessAnswers[operations.First(operation => operation.Name == property).ToString()];
        var response = Response.Create().WithStatusCode(answer.Status);
        if (answer.Body is not null)
        {
            response.WithHeader("Content-Type", answer.MediaType ?? "application/json").WithBody(answer.Body);
        }

        using var stubs = new WireMockStubSet(ReliabilityRun.Server);
        stubs
            .Given(Request.Create()
                .UsingAnyMethod()
                .WithPath(new RegexMatcher("^/"))
                .WithHeader(ConformanceHeaders.CaseId, new RegexMatcher("^" + Regex.Escape(run) + "/")))
            .WithTitle(run)
            .RespondWith(response);
        // The sample is about the wire: only inputs the facade sends (judged in memory first) go to WireMock.
        bool Sends(Input input)
        {
            try
            {
                var credentials = provider == ContactsProviders.Wawp ? input.Credentials : input.Credentials with { InstanceId = null };
                using var client = new ContactsClient(ProviderCatalog.Options(provider, _root, credentials), memory, Evidence.LoggerFactory);
                call(client, input).GetAwaiter().GetResult();
                return true;
            }
            catch (Exception error) when (error is ArgumentException or ContactsException)
            {
                return false;
            }
        }

        var next = 0;
        Verify(provider, property + " via WireMock", sample, inputs.Where(Sends), call, decode, () =>
        {
            var tag = $"{run}/{Interlocked.Increment(ref next)}";
            return (new CaseTaggingHandler(tag), ReliabilityRun.Server.BaseUri(), () => { }, () => Journal(tag));
        });
    }

    // The call has ended, so its request has arrived; WireMock logs it a moment after answering it.
    private static IReadOnlyList<RecordedRequest> Journal(string tag) =>
        [.. ReliabilityRun.Server.WaitForAsync(tag, 1, TimeSpan.FromSeconds(5)).GetAwaiter().GetResult().Select(entry => RecordedRequest.From(entry.RequestMessage))];

    private static void Verify(
        string provider, string property, int count, Gen<Input> inputs, Func<ContactsClient, Input, Task> call,
        Func<Input, RecordedRequest, IEnumerable<string>> decode,
        Func<(HttpMessageHandler Handler, Uri Root, Action Clear, Func<IReadOnlyList<RecordedRequest>> Requests)> transport)
    {
        var checkedInputs = Prop.ForAll(inputs.ToArbitrary(), input =>
        {
            var (handler, root, clear, sent) = transport();
            clear();
            var credentials = provider == ContactsProviders.Wawp ? input.Credentials : input.Credentials with { InstanceId = null };
            var options = ProviderCatalog.Options(provider, root, credentials);
            options.Retry.MaxRetries = 0;
            ContactsClient client;
            try
            {
                client = new ContactsClient(options, handler, Evidence.LoggerFactory);
            }
            catch (ArgumentException error)
            {
                Evidence.Scan($"{provider} options", error);
                var settings = CredentialSettings(provider);
                if (!settings.Any(setting => error.Message.Contains(setting, StringComparison.Ordinal)))
                {
                    throw new AssertionException($"The options were refused without naming a credential setting ({string.Join(", ", settings)}): {error.Message}");
                }

                Figures.Input(provider, property, "rejected: credential setting (ArgumentException)");
                return true;
            }

            using (client)
            {
                Evidence.Scan($"{provider} client", client.ToString());
                try
                {
                    call(client, input).GetAwaiter().GetResult();
                }
                catch (ContactsException error) when (error.Kind == ContactsErrorKind.InvalidInput && error.Status is null)
                {
                    Evidence.Scan($"{provider} {property}", error);
                    if (sent().Count > 0)
                    {
                        throw new AssertionException($"Rejected as invalid after sending {sent().Count} request(s): {error.Message}");
                    }

                    if (error.FieldErrors.Count == 0 || error.FieldErrors.Any(field => string.IsNullOrWhiteSpace(field.Field)))
                    {
                        throw new AssertionException($"InvalidInput without naming the field: {error}");
                    }

                    Figures.Input(provider, property, "rejected: InvalidInput naming the field");
                    return true;
                }
                finally
                {
                    if (handler is CaseTaggingHandler tagging)
                    {
                        tagging.Dispose();
                    }
                }

                var requests = sent();
                if (requests.Count != 1)
                {
                    throw new AssertionException($"{requests.Count} requests sent for one call.");
                }

                var request = requests[0];
                var problems = decode(input, request).Concat(Wire.CredentialViolations(provider, request, credentials)).ToList();
                Figures.PlacementChecked(1);
                if (problems.Count > 0)
                {
                    throw new AssertionException($"Sent, but not exactly: {string.Join("; ", problems)}; request {request.Method} {request.PathAndQuery}");
                }

                Figures.Input(provider, property, "sent: decoded exactly");
                return true;
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(count).WithQuietOnSuccess(true), checkedInputs);
    }

    private static HttpResponseMessage Answer(IReadOnlyList<FacadeOperation> operations, RecordedRequest request)
    {
        var operation = operations.FirstOrDefault(candidate =>
            candidate.Method == request.Method && Regex.IsMatch(request.Path, "^" + candidate.PathPattern + "$", RegexOptions.None, TimeSpan.FromSeconds(1)));
        if (operation is null)
        {
            return new HttpResponseMessage(HttpStatusCode.NotImplemented) { Content = new StringContent("no such route on this provider") };
        }

        var answer = ReliabilityRun.SuccessAnswers[operation.ToString()];
        var response = new HttpResponseMessage((HttpStatusCode)answer.Status);
        if (answer.Body is not null)
        {
            response.Content = new StringContent(answer.Body, Encoding.UTF8, answer.MediaType ?? "application/json");
        }

        return response;
    }

    private static string[] CredentialSettings(string provider) => provider switch
    {
        ContactsProviders.Wamm => ["Token"],
        ContactsProviders.Wawp => ["AccessToken", "InstanceId"],
        ContactsProviders.Wasms => ["Secret"],
        ContactsProviders.WazzupV2 => ["ClientAccessToken"],
        _ => ["ApiKey"],
    };

    private static IEnumerable<string> SameContact(Contact contact, JsonNode item, string id, string responsible, string name, string uri, string channels, string chatType, string chatId)
    {
        IEnumerable<string> problems = [
            .. Same(id, Text(item[id]), contact.Id),
            .. Same(responsible, Text(item[responsible]), contact.ResponsibleUserId),
            .. Same(name, Text(item[name]), contact.DisplayName),
            .. Same(uri, Text(item[uri]), contact.Web),
        ];
        var data = item[channels]!.AsArray();
        problems = problems.Concat(Same(channels + " count", data.Count.ToString(CultureInfo.InvariantCulture), contact.Channels.Count.ToString(CultureInfo.InvariantCulture)));
        foreach (var (channel, sent) in contact.Channels.Zip(data))
        {
            problems = problems
                .Concat(Same(chatType, Text(sent![chatType]), channel.ChatType.Value))
                .Concat(Same(chatId, Text(sent[chatId]), channel.ChatId))
                .Concat(Same("username", Text(sent["username"]), channel.Username))
                .Concat(Same("phone", Text(sent["phone"]), channel.Phone));
        }

        return problems;
    }

    private static string? OneQueryValue(RecordedRequest request, string name)
    {
        var values = Wire.Query(request.Query).Where(pair => pair.Key == name).Select(pair => pair.Value).ToList();
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => $"(sent {values.Count} times)",
        };
    }

    private static string? FormValue(IReadOnlyList<KeyValuePair<string, string>> form, string name) =>
        form.Where(pair => pair.Key == name).Select(pair => pair.Value).SingleOrDefault();

    private static string? Text(JsonNode? node) => node?.GetValue<string>();

    private static string? TextOrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Numeric(string id) => int.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<string> Same(string what, string? sent, string? expected) =>
        string.Equals(sent, expected, StringComparison.Ordinal) ? [] : [$"{what}: sent {Escape(sent)}, expected {Escape(expected)}"];

    private static string Escape(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var text = new StringBuilder("\"");
        foreach (var character in value.Length > 120 ? value[..120] : value)
        {
            text.Append(character is < ' ' or > '~' or '"' or '\\' ? $"\\u{(int)character:X4}" : character.ToString());
        }

        return text.Append(value.Length > 120 ? $"…\" ({value.Length} chars)" : "\"").ToString();
    }
}
