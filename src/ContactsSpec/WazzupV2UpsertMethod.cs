namespace ContactsSpec;

/// <summary>
/// Which Wazzup partner API v2 route an upsert uses. v2 separates adding contacts (POST) from updating contacts it
/// already holds (PATCH), and documents neither what POST does with a known id nor what PATCH does with an unknown
/// one, so the caller says which it means.
/// </summary>
public enum WazzupV2UpsertMethod
{
    /// <summary><c>POST /v2/contacts</c>: add contacts (default).</summary>
    Add,

    /// <summary><c>PATCH /v2/contacts</c>: update contacts Wazzup already holds.</summary>
    Update,
}
