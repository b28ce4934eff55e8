namespace ContactsSpec.Cli.Contacts.Import;

/// <summary>
/// Validates contacts with the facade's own rules (the spec's constraints, unsupported fields, duplicate ids in a
/// batch) without sending anything: a second client with the same options sends through a handler that stops the
/// call at its first request. The facade validates every item before its first request and reports each invalid
/// item by index and field, so reaching the handler means every item is valid.
/// </summary>
/// <remarks>The facade has no public "validate only" call; this stands in for one.</remarks>
internal static class ContactValidation
{
    public static async Task<IReadOnlyDictionary<int, string>> ValidateAsync(ProviderConnection connection, IReadOnlyList<Contact> contacts, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<int, string>();
        if (contacts.Count == 0)
        {
            return problems;
        }

        var options = connection.CreateOptions();
        options.Retry.MaxRetries = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var transport = new NothingSentHandler(stop);
        using var client = new ContactsClient(options, transport);
        try
        {
            await client.UpsertManyAsync(contacts, stop.Token);
        }
        catch (ContactsException error) when (error.Kind == ContactsErrorKind.InvalidInput && !transport.Reached)
        {
            if (error.FieldErrors.Count == 0)
            {
                for (var index = 0; index < contacts.Count; index++)
                {
                    problems[index] = error.Message;
                }
            }

            foreach (var item in error.FieldErrors.GroupBy(field => field.Index))
            {
                problems[item.Key] = string.Join("; ", item.Select(field => $"{field.Field}: {field.Message}"));
            }
        }
        catch (OperationCanceledException) when (transport.Reached && !cancellationToken.IsCancellationRequested)
        {
            // Validation passed: the facade got as far as sending.
        }
        catch (ContactsException) when (transport.Reached)
        {
            // Validation passed: the facade got as far as sending.
        }

        return problems;
    }

    private sealed class NothingSentHandler(CancellationTokenSource stop) : HttpMessageHandler
    {
        private int _reached;

        public bool Reached => Volatile.Read(ref _reached) == 1;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref _reached, 1);
            stop.Cancel();
            return Task.FromCanceled<HttpResponseMessage>(stop.Token);
        }
    }
}
