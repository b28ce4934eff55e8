using System.Globalization;
using System.Net;
using ContactsSpec.Tests.Support;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary>Listing streams page by page: lazily, completely, and without looping on a short answer.</summary>
[TestFixture]
public sealed class StreamingTests
{
    private const int PageSize = 100;

    private static string Id(int number) => $"id-{number:D5}";

    /// <summary>A Wazzup v3 list endpoint holding <paramref name="total"/> contacts (ids in ascending order), 100 per page by offset.</summary>
    private static ScriptedHandler WazzupV3List(int total, int? reportedCount = null) => new(request =>
    {
        if (request.Uri.AbsolutePath != "/v3/contacts")
        {
            return Respond.Status(HttpStatusCode.NotFound);
        }

        var offset = int.Parse(request.Query("offset") ?? "0", CultureInfo.InvariantCulture);
        var page = Enumerable.Range(offset, Math.Max(0, Math.Min(PageSize, total - offset))).Select(i => V3ContactJson(Id(i)));
        return Respond.Json($$"""{"count":{{reportedCount ?? total}},"data":[{{string.Join(",", page)}}]}""");
    });

    [Test]
    public async Task WazzupV3_list_yields_every_contact_once_in_id_order()
    {
        var handler = WazzupV3List(1050);
        using var client = Client(WazzupV3Options(), handler);

        var ids = new List<string?>();
        await foreach (var contact in client.ListAsync())
        {
            ids.Add(contact.Id);
        }

        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.EqualTo(Enumerable.Range(0, 1050).Select(Id)));
            Assert.That(handler.Requests, Has.Count.EqualTo(11));
            Assert.That(handler.Requests.Select(r => r.Query("offset")), Is.EqualTo(Enumerable.Range(0, 11).Select(page => (page * 100).ToString(CultureInfo.InvariantCulture))));
            Assert.That(handler.Requests.Select(r => r.Method), Is.All.EqualTo(HttpMethod.Get));
        });
    }

    [Test]
    public async Task WazzupV3_list_maps_the_spec_example_into_contacts()
    {
        const string example = """
            {"count":2,"data":[
              {"id":"1","responsibleUserId":"1","name":"3301","contactData":[{"chatType":"whatsapp","chatId":"79991114433"}],"uri":"https://link-to-contact-in-crm.com"},
              {"id":"2","responsibleUserId":"1","name":"3302","contactData":[{"chatType":"whatsapp","chatId":"79884447788"}]}]}
            """;
        var handler = new ScriptedHandler(_ => Respond.Json(example));
        using var client = Client(WazzupV3Options(), handler);

        var contacts = new List<Contact>();
        await foreach (var contact in client.ListAsync())
        {
            contacts.Add(contact);
        }

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests, Has.Count.EqualTo(1), "count 2 is reached after the first page");
            Assert.That(contacts, Has.Count.EqualTo(2));
            Assert.That(contacts[0].Id, Is.EqualTo("1"));
            Assert.That(contacts[0].ResponsibleUserId, Is.EqualTo("1"));
            Assert.That(contacts[0].Name, Is.EqualTo("3301"));
            Assert.That(contacts[0].Web, Is.EqualTo("https://link-to-contact-in-crm.com"));
            Assert.That(contacts[0].Channels.Single().ChatType, Is.EqualTo(ChatType.WhatsApp));
            Assert.That(contacts[0].Channels.Single().ChatId, Is.EqualTo("79991114433"));
            Assert.That(contacts[1].Web, Is.Null);
            Assert.That(contacts[1].Channels.Single().ChatId, Is.EqualTo("79884447788"));
        });
    }

    [Test]
    public async Task WazzupV3_list_is_lazy_and_stopping_early_stops_the_requests()
    {
        var handler = WazzupV3List(1050);
        using var client = Client(WazzupV3Options(), handler);

        var stream = client.ListAsync();
        Assert.That(handler.Requests, Is.Empty, "nothing is sent before enumeration starts");

        var taken = new List<string?>();
        await foreach (var contact in stream)
        {
            taken.Add(contact.Id);
            if (taken.Count == 150)
            {
                break;
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(taken, Is.EqualTo(Enumerable.Range(0, 150).Select(Id)));
            Assert.That(handler.Requests, Has.Count.EqualTo(2), "150 contacts need exactly two pages of 100");
        });
    }

    [Test]
    public async Task WazzupV3_list_stops_at_an_empty_page_even_if_count_says_more()
    {
        var handler = WazzupV3List(total: 100, reportedCount: 5000);
        using var client = Client(WazzupV3Options(), handler);

        var count = 0;
        await foreach (var contact in client.ListAsync())
        {
            count++;
        }

        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(100));
            Assert.That(handler.Requests, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task WazzupV3_empty_account_lists_nothing_in_one_request()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"count":0,"data":[]}"""));
        using var client = Client(WazzupV3Options(), handler);

        var count = 0;
        await foreach (var contact in client.ListAsync())
        {
            count++;
        }

        Assert.Multiple(() =>
        {
            Assert.That(count, Is.Zero);
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task WazzupV3_a_failing_page_surfaces_after_the_pages_before_it()
    {
        var inner = WazzupV3List(1050);
        var handler = new ScriptedHandler(async (request, token) => request.Query("offset") == "200"
            ? Respond.Status(HttpStatusCode.Forbidden)
            : await SendThrough(inner, request, token));
        using var client = Client(WazzupV3Options(), handler);

        var seen = 0;
        var error = await ContactsErrorAsync(async () =>
        {
            await foreach (var contact in client.ListAsync())
            {
                seen++;
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.EqualTo(200));
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.PermissionDenied));
            Assert.That(error.Operation, Is.EqualTo("List"));
        });
    }

    [Test]
    public void WazzupV3_list_honours_cancellation_between_pages()
    {
        using var cancellation = new CancellationTokenSource();
        var handler = WazzupV3List(1050);
        using var client = Client(WazzupV3Options(), handler);

        Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            var count = 0;
            await foreach (var contact in client.ListAsync(cancellation.Token))
            {
                if (++count == 120)
                {
                    await cancellation.CancelAsync();
                }
            }
        });
        Assert.That(handler.Requests, Has.Count.EqualTo(2), "no page is requested after cancellation");
    }

    [Test]
    public void WazzupV3_list_honours_a_token_given_through_with_cancellation()
    {
        using var cancellation = new CancellationTokenSource();
        var handler = WazzupV3List(1050);
        using var client = Client(WazzupV3Options(), handler);

        Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            var count = 0;
            await foreach (var contact in client.ListAsync().WithCancellation(cancellation.Token))
            {
                if (++count == 120)
                {
                    await cancellation.CancelAsync();
                }
            }
        });
        Assert.That(handler.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Wasms_list_pages_by_page_number_until_a_short_page()
    {
        var handler = new ScriptedHandler(request =>
        {
            var page = int.Parse(request.Query("page") ?? "1", CultureInfo.InvariantCulture);
            var limit = int.Parse(request.Query("limit") ?? "10", CultureInfo.InvariantCulture);
            var items = Enumerable.Range(((page - 1) * limit) + 1, Math.Max(0, Math.Min(limit, 250 - ((page - 1) * limit))))
                .Select(id => $$"""{"id": {{id}}, "groups": ["1"], "phone": "+6391846{{id:D5}}", "name": "Contact {{id}}"}""");
            return Respond.Json($$"""{"status": 200, "message": "Saved Contacts", "data": [{{string.Join(",", items)}}]}""");
        });
        using var client = Client(WasmsOptions(), handler);

        var ids = new List<string?>();
        await foreach (var contact in client.ListAsync())
        {
            ids.Add(contact.Id);
        }

        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.EqualTo(Enumerable.Range(1, 250).Select(id => id.ToString(CultureInfo.InvariantCulture))));
            Assert.That(handler.Requests.Select(r => r.Query("page")), Is.EqualTo(new[] { "1", "2", "3" }));
            Assert.That(handler.Requests.Select(r => r.Query("limit")), Is.All.EqualTo("100"));
        });
    }

    [Test]
    public async Task Wasms_list_with_data_false_is_empty()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"status": 200, "message": "Saved Contacts", "data": false}"""));
        using var client = Client(WasmsOptions(), handler);

        var count = 0;
        await foreach (var contact in client.ListAsync())
        {
            count++;
        }

        Assert.Multiple(() =>
        {
            Assert.That(count, Is.Zero);
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Wasms_list_groups_streams_the_spec_example()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"status": 200, "message": "Contact Groups", "data": [{"id": 1, "name": "Friends"}]}"""));
        using var client = Client(WasmsOptions(), handler);

        var groups = new List<ContactGroup>();
        await foreach (var group in client.ListGroupsAsync())
        {
            groups.Add(group);
        }

        Assert.Multiple(() =>
        {
            Assert.That(groups, Is.EqualTo(new[] { new ContactGroup("1", "Friends") }));
            Assert.That(handler.Requests.Single().Uri.AbsolutePath, Is.EqualTo("/api/get/groups"));
        });
    }

    [Test]
    public async Task Wasms_list_failure_in_the_body_status_is_raised()
    {
        using var client = Client(WasmsOptions(), new ScriptedHandler(_ => Respond.Json("""{"status": 403, "message": "This API key doesn't have permission to use this endpoint!", "data": false}""")));

        var error = await ContactsErrorAsync(async () =>
        {
            await foreach (var contact in client.ListAsync())
            {
            }
        });

        Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.PermissionDenied));
    }

    [Test]
    public async Task WazzupV2_list_pages_by_offset_and_limit_until_a_short_page()
    {
        var handler = new ScriptedHandler(request =>
        {
            var offset = int.Parse(request.Query("offset") ?? "0", CultureInfo.InvariantCulture);
            var items = Enumerable.Range(offset, Math.Max(0, Math.Min(100, 230 - offset)))
                .Select(i => $$$"""{"id":"{{{Id(i)}}}","name":"TestContact","responsible_user_id":"1","contact_data":[{"chat_type":"whatsapp","chat_id":"37199999999","username":"","phone":""}],"uri":"/api/v2/contacts/{{{Id(i)}}}"}""");
            return Respond.Json($$$"""{"data":[{{{string.Join(",", items)}}}],"meta":{"timestamp":1759496601}}""");
        });
        using var client = Client(WazzupV2Options(), handler);

        var ids = new List<string?>();
        await foreach (var contact in client.ListAsync())
        {
            ids.Add(contact.Id);
        }

        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.EqualTo(Enumerable.Range(0, 230).Select(Id)));
            Assert.That(handler.Requests.Select(r => r.Query("offset")), Is.EqualTo(new[] { "0", "100", "200" }));
            Assert.That(handler.Requests.Select(r => r.Query("limit")), Is.All.EqualTo("100"));
        });
    }

    private static async Task<HttpResponseMessage> SendThrough(ScriptedHandler handler, RecordedRequest request, CancellationToken token)
    {
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        using var message = new HttpRequestMessage(request.Method, request.Uri);
        return await invoker.SendAsync(message, token);
    }
}
