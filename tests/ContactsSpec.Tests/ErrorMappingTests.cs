using System.Net;
using ContactsSpec.Tests.Support;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary>Every provider's ways of failing become one <see cref="ContactsException"/> model (docs/ERRORS.md).</summary>
[TestFixture]
public sealed class ErrorMappingTests
{
    private static Contact WammContact => new() { Phone = "79001234567", Name = "Ivan Petrov", Notes = "New client", Email = "ivan@example.com", Web = "https://example.com" };

    private static Contact WasmsContact => new() { Phone = "+923012345678", Name = "Martin Crater", Groups = ["1", "2", "3", "4"] };

    private static Contact WawpContact => new() { Id = "123456789@c.us", FirstName = "John", LastName = "Doe" };

    // ---- Wazzup v3 ----

    [TestCase("TOO_MACH_ENTITIES")]
    [TestCase("TOO_MANY_ENTITIES")]
    public async Task WazzupV3_batch_limit_codes_are_limit_exceeded_with_the_code_verbatim(string code)
    {
        var body = $$$"""{"error":"{{{code}}}","description":"Too mach entities per request.","data":{"count":123,"limit":100}}""";
        var handler = new ScriptedHandler(_ => Respond.Json(body, HttpStatusCode.BadRequest));
        using var client = Client(WazzupV3Options(), handler);

        var error = await ContactsErrorAsync(() => client.UpsertAsync(V3Contact(1)));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.LimitExceeded));
            Assert.That(error.ProviderCode, Is.EqualTo(code));
            Assert.That(error.Status, Is.EqualTo(400));
            Assert.That(error.Provider, Is.EqualTo("wazzup-v3"));
            Assert.That(error.IsRetryable, Is.False);
            Assert.That(error.FieldErrors, Is.Empty, "data here is the limit object, not a field report");
            Assert.That(handler.Requests, Has.Count.EqualTo(1), "not retried");
        });
    }

    [Test]
    public async Task WazzupV3_invalid_contacts_data_on_a_single_upsert_names_the_field()
    {
        const string body = """{"error":"INVALID_CONTACTS_DATA","description":"One or more of provided contacts data are not valid.","data":[{"index":0,"fields":["responsibleUserId"]}]}""";
        using var client = Client(WazzupV3Options(), new ScriptedHandler(_ => Respond.Json(body, HttpStatusCode.BadRequest)));

        var error = await ContactsErrorAsync(() => client.UpsertAsync(V3Contact(1)));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.InvalidInput));
            Assert.That(error.ProviderCode, Is.EqualTo("INVALID_CONTACTS_DATA"));
            Assert.That(error.FieldErrors.Select(e => (e.Index, e.Field)), Is.EqualTo(new[] { (0, "responsibleUserId") }));
            Assert.That(error.Message, Does.Contain("One or more of provided contacts data are not valid."));
        });
    }

    [TestCase(HttpStatusCode.Unauthorized, ContactsErrorKind.Authentication, false)]
    [TestCase(HttpStatusCode.Forbidden, ContactsErrorKind.PermissionDenied, false)]
    [TestCase(HttpStatusCode.InternalServerError, ContactsErrorKind.ProviderError, true)]
    [TestCase(HttpStatusCode.TooManyRequests, ContactsErrorKind.RetryLater, true)]
    [TestCase(HttpStatusCode.NotFound, ContactsErrorKind.NotFound, false)]
    public async Task WazzupV3_get_statuses_map_to_kinds(HttpStatusCode status, ContactsErrorKind kind, bool retryable)
    {
        var handler = new ScriptedHandler(_ => Respond.Status(status));
        using var client = Client(WazzupV3Options(maxRetries: 0), handler);

        var error = await ContactsErrorAsync(() => client.GetAsync("111-2e0df379-0e3c-470f-9b36"));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(kind));
            Assert.That(error.Status, Is.EqualTo((int)status));
            Assert.That(error.IsRetryable, Is.EqualTo(retryable));
            Assert.That(error.Operation, Is.EqualTo("Get"));
            Assert.That(error.Provider, Is.EqualTo("wazzup-v3"));
        });
    }

    [Test]
    public async Task WazzupV3_delete_of_an_unknown_id_is_not_found()
    {
        var handler = new ScriptedHandler(_ => Respond.Status(HttpStatusCode.NotFound));
        using var client = Client(WazzupV3Options(), handler);

        var error = await ContactsErrorAsync(() => client.DeleteAsync("111-2e0df379-0e3c-470f-9b36"));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.NotFound));
            Assert.That(error.Status, Is.EqualTo(404));
            Assert.That(error.Operation, Is.EqualTo("Delete"));
            Assert.That(handler.Requests.Single().Method, Is.EqualTo(HttpMethod.Delete));
            Assert.That(handler.Requests.Single().Uri.AbsolutePath, Is.EqualTo("/v3/contacts/111-2e0df379-0e3c-470f-9b36"));
        });
    }

    [Test]
    public async Task WazzupV3_too_many_requests_carries_retry_after()
    {
        using var client = Client(WazzupV3Options(maxRetries: 0), new ScriptedHandler(_ => Respond.TooManyRequests(7)));

        var error = await ContactsErrorAsync(() => client.GetAsync("1"));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.RetryLater));
            Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(error.IsRetryable, Is.True);
        });
    }

    [Test]
    public async Task WazzupV3_single_upsert_failure_names_the_upsert_operation()
    {
        using var client = Client(WazzupV3Options(), new ScriptedHandler(_ => Respond.Status(HttpStatusCode.Unauthorized)));

        var error = await ContactsErrorAsync(() => client.UpsertAsync(V3Contact(1)));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.Authentication));
            Assert.That(error.Operation, Is.EqualTo("Upsert"), "the caller called UpsertAsync, not UpsertManyAsync");
        });
    }

    [Test]
    public async Task WazzupV3_unreadable_success_body_is_a_provider_error()
    {
        using var client = Client(WazzupV3Options(), new ScriptedHandler(_ => Respond.Json("<html>maintenance</html>")));

        var error = await ContactsErrorAsync(() => client.GetAsync("1"));

        Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.ProviderError));
    }

    [Test]
    public async Task WazzupV3_get_maps_the_spec_example()
    {
        var handler = new ScriptedHandler(_ => Respond.Json(V3ContactJson("111-2e0df379-0e3c-470f-9b36")));
        using var client = Client(WazzupV3Options(), handler);

        var contact = await client.GetAsync("111-2e0df379-0e3c-470f-9b36");

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests.Single().Uri.AbsolutePath, Is.EqualTo("/v3/contacts/111-2e0df379-0e3c-470f-9b36"));
            Assert.That(contact.Id, Is.EqualTo("111-2e0df379-0e3c-470f-9b36"));
            Assert.That(contact.ResponsibleUserId, Is.EqualTo("1"));
            Assert.That(contact.Name, Is.EqualTo("3301"));
            Assert.That(contact.Web, Is.EqualTo("https://link-to-contact-in-crm.com"));
            Assert.That(contact.Channels.Single(), Is.EqualTo(new ContactChannel { ChatType = ChatType.WhatsApp, ChatId = "79991114433" }));
        });
    }

    // ---- WAMM ----

    [TestCase("token fail", ContactsErrorKind.Authentication)]
    [TestCase("acc not authorized", ContactsErrorKind.PermissionDenied)]
    [TestCase("phone fail", ContactsErrorKind.InvalidInput)]
    [TestCase("no WhatsApp on the number", ContactsErrorKind.NotOnChannel)]
    [TestCase("no Account on the number", ContactsErrorKind.NotOnChannel)]
    [TestCase("name fail", ContactsErrorKind.InvalidInput)]
    [TestCase("name fail, more 250", ContactsErrorKind.InvalidInput)]
    [TestCase("web fail, more 150", ContactsErrorKind.InvalidInput)]
    [TestCase("email fail, more 150", ContactsErrorKind.InvalidInput)]
    public async Task Wamm_err_text_inside_http_200_maps_to_a_kind_with_the_text_verbatim(string err, ContactsErrorKind kind)
    {
        var handler = new ScriptedHandler(_ => Respond.Json($$"""{"err": "{{err}}"}"""));
        using var client = Client(WammOptions(maxRetries: 0), handler);

        var error = await ContactsErrorAsync(() => client.UpsertAsync(WammContact));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(kind));
            Assert.That(error.ProviderCode, Is.EqualTo(err));
            Assert.That(error.Status, Is.EqualTo(200));
            Assert.That(error.Provider, Is.EqualTo("wamm"));
            Assert.That(error.IsRetryable, Is.False);
        });
    }

    [Test]
    public async Task Wamm_unknown_err_text_is_a_provider_error_keeping_the_text()
    {
        using var client = Client(WammOptions(maxRetries: 0), new ScriptedHandler(_ => Respond.Json("""{"err": "brand new failure"}""")));

        var error = await ContactsErrorAsync(() => client.UpsertAsync(WammContact));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.ProviderError));
            Assert.That(error.ProviderCode, Is.EqualTo("brand new failure"));
        });
    }

    [TestCase("""{"err": 0, "result": "insert"}""", ContactWriteOutcome.Created)]
    [TestCase("""{"err": 0, "result": "update"}""", ContactWriteOutcome.Updated)]
    public async Task Wamm_upsert_success_reports_insert_or_update(string body, ContactWriteOutcome outcome)
    {
        var handler = new ScriptedHandler(_ => Respond.Json(body));
        using var client = Client(WammOptions(), handler);

        var result = await client.UpsertAsync(WammContact);

        var request = handler.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(outcome));
            Assert.That(result.Id, Is.EqualTo("79001234567"));
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Get));
            Assert.That(request.Uri.AbsolutePath, Is.EqualTo($"/api2/contact_to/{WammToken}/"));
            Assert.That(request.Query("phone"), Is.EqualTo("79001234567"));
            Assert.That(request.Query("name"), Is.EqualTo("Ivan Petrov"));
            Assert.That(request.Query("info"), Is.EqualTo("New client"));
            Assert.That(request.Query("email"), Is.EqualTo("ivan@example.com"));
            Assert.That(request.Query("web"), Is.EqualTo("https://example.com"));
        });
    }

    [Test]
    public async Task Wamm_get_maps_the_spec_example()
    {
        const string found = """
            {"err": 0, "data": {"api_id": 1, "tip": 1, "phone": "79001234567", "phone_real": "79001234567", "name": "Ivan Petrov",
             "email": "ivan@example.com", "web": "https://example.com", "avatar": "", "notes": "New client", "user_id": 15, "tags": "",
             "chat_banned": 0, "chat_mute": 0, "chat_favorite": 0}}
            """;
        var handler = new ScriptedHandler(_ => Respond.Json(found));
        using var client = Client(WammOptions(), handler);

        var contact = await client.GetAsync("79001234567");

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests.Single().Uri.AbsolutePath, Is.EqualTo($"/api2/contact_get/{WammToken}/79001234567"));
            Assert.That(contact.Id, Is.EqualTo("79001234567"));
            Assert.That(contact.Phone, Is.EqualTo("79001234567"));
            Assert.That(contact.Name, Is.EqualTo("Ivan Petrov"));
            Assert.That(contact.Email, Is.EqualTo("ivan@example.com"));
            Assert.That(contact.Web, Is.EqualTo("https://example.com"));
            Assert.That(contact.Notes, Is.EqualTo("New client"));
        });
    }

    [TestCase("not found")]
    public async Task Wamm_get_of_an_unknown_phone_is_not_found(string err)
    {
        using var client = Client(WammOptions(), new ScriptedHandler(_ => Respond.Json($$"""{"err": "{{err}}"}""")));

        var error = await ContactsErrorAsync(() => client.GetAsync("79001234567"));

        Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.NotFound));
    }

    [Test]
    public async Task Wamm_delete_of_an_unknown_phone_is_not_found()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"err": "phone not found"}"""));
        using var client = Client(WammOptions(), handler);

        var error = await ContactsErrorAsync(() => client.DeleteAsync("79001234567"));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.NotFound));
            Assert.That(error.ProviderCode, Is.EqualTo("phone not found"));
            Assert.That(handler.Requests.Single().Uri.AbsolutePath, Is.EqualTo($"/api2/contact_delete/{WammToken}/"));
            Assert.That(handler.Requests.Single().Query("phone"), Is.EqualTo("79001234567"));
        });
    }

    [Test]
    public async Task Wamm_http_error_status_is_mapped_by_status()
    {
        using var client = Client(WammOptions(maxRetries: 0), new ScriptedHandler(_ => Respond.Status(HttpStatusCode.BadGateway)));

        var error = await ContactsErrorAsync(() => client.UpsertAsync(WammContact));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.ProviderError));
            Assert.That(error.Status, Is.EqualTo(502));
            Assert.That(error.IsRetryable, Is.True);
        });
    }

    // ---- WaSMS ----

    [TestCase(400, "Invalid Parameters!", ContactsErrorKind.InvalidInput)]
    [TestCase(401, "Invalid API secret supplied!", ContactsErrorKind.Authentication)]
    [TestCase(403, "This API key doesn't have permission to use this endpoint!", ContactsErrorKind.PermissionDenied)]
    // A creation failing so may have happened all the same (OutcomeUnknownTests); a listing keeps ProviderError (below).
    [TestCase(500, "Something went wrong!", ContactsErrorKind.OutcomeUnknown)]
    [TestCase(400, "Contact name is too short!", ContactsErrorKind.InvalidInput)]
    [TestCase(400, "Invalid phone number!", ContactsErrorKind.InvalidInput)]
    [TestCase(400, "Group #5 is invalid!", ContactsErrorKind.InvalidInput)]
    [TestCase(400, "Phone number already exist in your contact book!", ContactsErrorKind.InvalidInput)]
    [TestCase(400, "You have reached the maximum allowed contacts!", ContactsErrorKind.LimitExceeded)]
    public async Task Wasms_body_status_inside_http_200_maps_to_a_kind_with_the_message_as_code(int bodyStatus, string message, ContactsErrorKind kind)
    {
        var handler = new ScriptedHandler(_ => Respond.Json($$"""{"status": {{bodyStatus}}, "message": "{{message}}", "data": false}"""));
        using var client = Client(WasmsOptions(), handler);

        var error = await ContactsErrorAsync(() => client.UpsertAsync(WasmsContact));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(kind));
            Assert.That(error.ProviderCode, Is.EqualTo(message));
            Assert.That(error.Status, Is.EqualTo(200), "WaSMS answers HTTP 200 whatever happened");
            Assert.That(error.Provider, Is.EqualTo("wasms"));
            Assert.That(handler.Requests, Has.Count.EqualTo(1), "a contact creation is never retried after the provider answered");
        });
    }

    [Test]
    public async Task Wasms_something_went_wrong_is_retryable_and_retried_for_a_listing()
    {
        var handler = ScriptedHandler.Sequence(
            () => Respond.Json("""{"status": 500, "message": "Something went wrong!", "data": false}"""),
            () => Respond.Json("""{"status": 200, "message": "Saved Contacts", "data": [{"id": 2, "groups": ["1"], "phone": "+639184661538", "name": "Shane"}]}"""));
        using var client = Client(WasmsOptions(), handler);

        var contacts = new List<Contact>();
        await foreach (var contact in client.ListAsync())
        {
            contacts.Add(contact);
        }

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests, Has.Count.EqualTo(2));
            Assert.That(contacts.Select(c => c.Phone), Is.EqualTo(new[] { "+639184661538" }));
        });
    }

    [Test]
    public async Task Wasms_create_sends_the_spec_form_fields()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"status": 200, "message": "Contact has been created!", "data": false}"""));
        using var client = Client(WasmsOptions(), handler);

        var result = await client.UpsertAsync(WasmsContact);

        var request = handler.Requests.Single();
        var form = UrlEncodedForm.Fields(request);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ContactWriteOutcome.Created));
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(request.Uri.AbsoluteUri, Is.EqualTo("https://sys.wasms.net/api/create/contact"));
            Assert.That(request.Header("Content-Type"), Does.StartWith("application/x-www-form-urlencoded"));
            Assert.That(form, Is.EquivalentTo(new Dictionary<string, string>
            {
                ["secret"] = WasmsSecret,
                ["phone"] = "+923012345678",
                ["name"] = "Martin Crater",
                ["groups"] = "1,2,3,4",
            }));
        });
    }

    [Test]
    public async Task Wasms_list_maps_the_spec_example_and_pages_by_page_number()
    {
        const string page = """{"status": 200, "message": "Saved Contacts", "data": [{"id": 2, "groups": ["1"], "phone": "+639184661538", "name": "Shane"}, {"id": 3, "groups": ["1", "9", "10", "11"], "phone": "+639206150514", "name": "Terry Bom"}]}""";
        var handler = new ScriptedHandler(_ => Respond.Json(page));
        using var client = Client(WasmsOptions(), handler);

        var contacts = new List<Contact>();
        await foreach (var contact in client.ListAsync())
        {
            contacts.Add(contact);
        }

        var request = handler.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Uri.GetLeftPart(UriPartial.Path), Is.EqualTo("https://sys.wasms.net/api/get/contacts"));
            Assert.That(request.Query("secret"), Is.EqualTo(WasmsSecret));
            Assert.That(request.Query("page"), Is.EqualTo("1"));
            Assert.That(contacts.Select(c => c.Id), Is.EqualTo(new[] { "2", "3" }));
            Assert.That(contacts[1].Name, Is.EqualTo("Terry Bom"));
            Assert.That(contacts[1].Groups, Is.EqualTo(new[] { "1", "9", "10", "11" }));
        });
    }

    [Test]
    public async Task Wasms_groups_can_be_created_listed_and_deleted()
    {
        var handler = new ScriptedHandler(request => request.Uri.AbsolutePath switch
        {
            "/api/get/groups" => Respond.Json("""{"status": 200, "message": "Contact Groups", "data": [{"id": 1, "name": "Friends"}]}"""),
            "/api/create/group" => Respond.Json("""{"status": 200, "message": "Contact group has been created!", "data": false}"""),
            "/api/delete/group" => Respond.Json("""{"status": 200, "message": "Contact group has been deleted!", "data": false}"""),
            _ => Respond.Status(HttpStatusCode.NotFound),
        });
        using var client = Client(WasmsOptions(), handler);

        await client.CreateGroupAsync("Friends");
        var groups = new List<ContactGroup>();
        await foreach (var group in client.ListGroupsAsync())
        {
            groups.Add(group);
        }

        await client.DeleteGroupAsync("1");

        Assert.Multiple(() =>
        {
            Assert.That(groups, Is.EqualTo(new[] { new ContactGroup("1", "Friends") }));
            Assert.That(UrlEncodedForm.Fields(handler.Requests[0]), Does.ContainKey("name").WithValue("Friends"));
            Assert.That(handler.Requests[2].Query("id"), Is.EqualTo("1"));
            Assert.That(handler.Requests.Select(r => r.Uri.AbsolutePath), Is.EqualTo(new[] { "/api/create/group", "/api/get/groups", "/api/delete/group" }));
        });
    }

    [Test]
    public async Task Wasms_delete_with_a_non_numeric_id_is_invalid_input_and_sends_nothing()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"status": 200, "message": "Contact has been deleted!", "data": false}"""));
        using var client = Client(WasmsOptions(), handler);

        var error = await ContactsErrorAsync(() => client.DeleteAsync("abc"));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.InvalidInput));
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    // ---- Wawp ----

    [TestCase(HttpStatusCode.BadRequest, ContactsErrorKind.InvalidInput, false)]
    [TestCase(HttpStatusCode.Unauthorized, ContactsErrorKind.Authentication, false)]
    [TestCase(HttpStatusCode.InternalServerError, ContactsErrorKind.ProviderError, true)]
    public async Task Wawp_documented_statuses_map_to_kinds(HttpStatusCode status, ContactsErrorKind kind, bool retryable)
    {
        using var client = Client(WawpOptions(maxRetries: 0), new ScriptedHandler(_ => Respond.Status(status)));

        var error = await ContactsErrorAsync(() => client.UpsertAsync(WawpContact));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(kind));
            Assert.That(error.Status, Is.EqualTo((int)status));
            Assert.That(error.IsRetryable, Is.EqualTo(retryable));
        });
    }

    [Test]
    public async Task Wawp_upsert_sends_the_spec_request()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"ok": true}"""));
        using var client = Client(WawpOptions(), handler);

        var result = await client.UpsertAsync(WawpContact);

        var request = handler.Requests.Single();
        using var body = System.Text.Json.JsonDocument.Parse(request.Body!);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ContactWriteOutcome.Written));
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Put));
            Assert.That(Uri.UnescapeDataString(request.Uri.AbsolutePath), Is.EqualTo("/v2/contacts/123456789@c.us"));
            Assert.That(request.Query("instance_id"), Is.EqualTo(WawpInstanceId));
            Assert.That(request.Query("access_token"), Is.EqualTo(WawpAccessToken));
            Assert.That(body.RootElement.GetProperty("firstName").GetString(), Is.EqualTo("John"));
            Assert.That(body.RootElement.GetProperty("lastName").GetString(), Is.EqualTo("Doe"));
        });
    }

    [Test]
    public async Task Wawp_phone_becomes_the_chat_id()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"ok": true}"""));
        using var client = Client(WawpOptions(), handler);

        await client.UpsertAsync(new Contact { Phone = "+123456789", Name = "John" });

        Assert.That(Uri.UnescapeDataString(handler.Requests.Single().Uri.AbsolutePath), Is.EqualTo("/v2/contacts/123456789@c.us"));
    }

    [Test]
    public async Task Wawp_upsert_result_carries_the_chat_id_the_contact_was_written_under()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"ok": true}"""));
        using var client = Client(WawpOptions(), handler);

        var result = await client.UpsertAsync(new Contact { Phone = "+123456789", FirstName = "John" });

        Assert.That(result.Id, Is.EqualTo("123456789@c.us"), "ContactWriteResult.Id is the provider-side id, which for Wawp is the chat id");
    }

    [Test]
    public async Task Wamm_contact_known_only_by_id_is_sent_with_that_phone()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"err": 0, "result": "update"}"""));
        using var client = Client(WammOptions(), handler);

        var result = await client.UpsertAsync(new Contact { Id = "79001234567", Name = "Ivan Petrov" });

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests.Single().Query("phone"), Is.EqualTo("79001234567"));
            Assert.That(result.Id, Is.EqualTo("79001234567"));
            Assert.That(result.Outcome, Is.EqualTo(ContactWriteOutcome.Updated));
        });
    }

    // ---- Wazzup v2 ----

    [TestCase(HttpStatusCode.Unauthorized, ContactsErrorKind.Authentication, false)]
    [TestCase(HttpStatusCode.Forbidden, ContactsErrorKind.PermissionDenied, false)]
    [TestCase(HttpStatusCode.TooManyRequests, ContactsErrorKind.RetryLater, true)]
    [TestCase(HttpStatusCode.InternalServerError, ContactsErrorKind.ProviderError, true)]
    public async Task WazzupV2_statuses_map_to_kinds(HttpStatusCode status, ContactsErrorKind kind, bool retryable)
    {
        using var client = Client(WazzupV2Options(maxRetries: 0), new ScriptedHandler(_ => Respond.Status(status)));

        var error = await ContactsErrorAsync(() => client.UpsertAsync(V2Contact));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(kind));
            Assert.That(error.Status, Is.EqualTo((int)status));
            Assert.That(error.IsRetryable, Is.EqualTo(retryable));
            Assert.That(error.Provider, Is.EqualTo("wazzup-v2"));
        });
    }

    [Test]
    public async Task WazzupV2_upsert_and_get_follow_the_spec_examples()
    {
        const string contactList = """{"data":[{"id":"contacts1","name":"TestContact","responsible_user_id":"1","contact_data":[{"chat_type":"whatsapp","chat_id":"37199999999","username":"","phone":""}],"uri":"/api/v2/contacts/contacts1"}],"meta":{"timestamp":1759496601}}""";
        var handler = new ScriptedHandler(request => request.Method == HttpMethod.Post
            ? Respond.Json("""{"data":{"processed":1},"meta":{"timestamp":1759495852}}""")
            : Respond.Json(contactList));
        using var client = Client(WazzupV2Options(), handler);

        await client.UpsertAsync(V2Contact);
        var contact = await client.GetAsync("contacts1");

        using var body = System.Text.Json.JsonDocument.Parse(handler.Requests[0].Body!);
        var sent = body.RootElement.GetProperty("contacts")[0];
        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests[0].Uri.AbsolutePath, Is.EqualTo("/v2/contacts"));
            Assert.That(handler.Requests[0].Header("Authorization"), Is.EqualTo($"Bearer {WazzupV2Token}"));
            Assert.That(sent.GetProperty("id").GetString(), Is.EqualTo("contacts1"));
            Assert.That(sent.GetProperty("responsible_user_id").GetString(), Is.EqualTo("1"));
            Assert.That(sent.GetProperty("uri").GetString(), Is.EqualTo("https://example.com/contact/1"));
            Assert.That(sent.GetProperty("contact_data")[0].GetProperty("chat_id").GetString(), Is.EqualTo("79999999999"));
            Assert.That(handler.Requests[1].Uri.AbsolutePath, Is.EqualTo("/v2/contacts/contacts1"));
            Assert.That(contact.Id, Is.EqualTo("contacts1"));
            Assert.That(contact.Name, Is.EqualTo("TestContact"));
            Assert.That(contact.Web, Is.EqualTo("/api/v2/contacts/contacts1"));
            Assert.That(contact.Channels.Single(), Is.EqualTo(new ContactChannel { ChatType = ChatType.WhatsApp, ChatId = "37199999999" }),
                "empty username and phone are read as unset");
        });
    }

    [Test]
    public async Task WazzupV2_get_with_an_empty_data_array_is_not_found()
    {
        using var client = Client(WazzupV2Options(), new ScriptedHandler(_ => Respond.Json("""{"data":[],"meta":{"timestamp":1759496601}}""")));

        var error = await ContactsErrorAsync(() => client.GetAsync("nobody"));

        Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.NotFound));
    }

    [Test]
    public async Task WazzupV2_delete_many_sends_contact_ids_in_a_delete_body()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"data":null,"meta":{"timestamp":1759393502}}"""));
        using var client = Client(WazzupV2Options(), handler);

        var result = await client.DeleteManyAsync(["contacts1", "contacts2"]);

        using var body = System.Text.Json.JsonDocument.Parse(handler.Requests.Single().Body!);
        Assert.Multiple(() =>
        {
            Assert.That(result.AllSucceeded, Is.True);
            Assert.That(handler.Requests.Single().Method, Is.EqualTo(HttpMethod.Delete));
            Assert.That(body.RootElement.GetProperty("contact_ids").EnumerateArray().Select(id => id.GetString()), Is.EqualTo(new[] { "contacts1", "contacts2" }));
        });
    }
}
