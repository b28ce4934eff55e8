using System.Text.Json;
using System.Text.Json.Serialization;

// The hand-written baseline's models: one type per documented shape, with the same fields and JSON names as the
// specs (an untyped field of the spec is a JsonElement, as in the generated clients' object). No forward-
// compatibility bag of unknown fields: the baseline is the leanest reasonable code, not a second generator.
#pragma warning disable CA1002, CA2227 // Plain JSON DTOs: settable List<T> is the cheapest shape for System.Text.Json.

namespace ContactsSpec.Benchmarks.Baseline;

/// <summary>WAMM: <c>{"err": 0 | "text", "result": "insert"}</c>.</summary>
public sealed class WammResultDto
{
    /// <summary>0 on success, else an error text.</summary>
    [JsonPropertyName("err")] public JsonElement Err { get; set; }

    /// <summary>insert, update, delete, success.</summary>
    [JsonPropertyName("result")] public string? Result { get; set; }
}

/// <summary>WAMM contact_get's answer.</summary>
public sealed class WammContactResponseDto
{
    /// <summary>0 on success, else an error text.</summary>
    [JsonPropertyName("err")] public JsonElement Err { get; set; }

    /// <summary>The contact.</summary>
    [JsonPropertyName("data")] public WammContactDto? Data { get; set; }
}

/// <summary>A WAMM contact card.</summary>
public sealed class WammContactDto
{
    /// <summary>Untyped in the spec.</summary>
    [JsonPropertyName("api_id")] public JsonElement ApiId { get; set; }

    /// <summary>Untyped in the spec.</summary>
    [JsonPropertyName("tip")] public JsonElement Tip { get; set; }

    /// <summary>Phone.</summary>
    [JsonPropertyName("phone")] public string? Phone { get; set; }

    /// <summary>Real phone.</summary>
    [JsonPropertyName("phone_real")] public string? PhoneReal { get; set; }

    /// <summary>Name.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }

    /// <summary>E-mail.</summary>
    [JsonPropertyName("email")] public string? Email { get; set; }

    /// <summary>Web.</summary>
    [JsonPropertyName("web")] public string? Web { get; set; }

    /// <summary>Avatar.</summary>
    [JsonPropertyName("avatar")] public string? Avatar { get; set; }

    /// <summary>Notes.</summary>
    [JsonPropertyName("notes")] public string? Notes { get; set; }

    /// <summary>Untyped in the spec.</summary>
    [JsonPropertyName("user_id")] public JsonElement UserId { get; set; }

    /// <summary>Untyped in the spec.</summary>
    [JsonPropertyName("tags")] public JsonElement Tags { get; set; }

    /// <summary>Untyped in the spec.</summary>
    [JsonPropertyName("chat_banned")] public JsonElement ChatBanned { get; set; }

    /// <summary>Untyped in the spec.</summary>
    [JsonPropertyName("chat_mute")] public JsonElement ChatMute { get; set; }

    /// <summary>Untyped in the spec.</summary>
    [JsonPropertyName("chat_favorite")] public JsonElement ChatFavorite { get; set; }
}

/// <summary>Wawp's request body.</summary>
public sealed class WawpContactNameDto
{
    /// <summary>First name.</summary>
    [JsonPropertyName("firstName")] public string? FirstName { get; set; }

    /// <summary>Last name.</summary>
    [JsonPropertyName("lastName")] public string? LastName { get; set; }
}

/// <summary>Wawp: <c>{"ok": true}</c>.</summary>
public sealed class WawpOkDto
{
    /// <summary>Success.</summary>
    [JsonPropertyName("ok")] public bool Ok { get; set; }
}

/// <summary>WaSMS's envelope: the outcome is the body's status; data is an array or false.</summary>
public sealed class WasmsResponseDto
{
    /// <summary>200 on success.</summary>
    [JsonPropertyName("status")] public int Status { get; set; }

    /// <summary>The message.</summary>
    [JsonPropertyName("message")] public string? Message { get; set; }

    /// <summary>Untyped in the spec: an array of items, or false.</summary>
    [JsonPropertyName("data")] public JsonElement Data { get; set; }
}

/// <summary>A WaSMS contact.</summary>
public sealed class WasmsContactDto
{
    /// <summary>Id.</summary>
    [JsonPropertyName("id")] public int? Id { get; set; }

    /// <summary>Group ids.</summary>
    [JsonPropertyName("groups")] public List<string>? Groups { get; set; }

    /// <summary>Phone.</summary>
    [JsonPropertyName("phone")] public string? Phone { get; set; }

    /// <summary>Name.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }
}

/// <summary>A Wazzup v2 contact.</summary>
public sealed class WazzupV2ContactDto
{
    /// <summary>CRM id.</summary>
    [JsonPropertyName("id")] public string Id { get; set; } = "";

    /// <summary>Responsible user.</summary>
    [JsonPropertyName("responsible_user_id")] public string ResponsibleUserId { get; set; } = "";

    /// <summary>Name.</summary>
    [JsonPropertyName("name")] public string Name { get; set; } = "";

    /// <summary>Messenger accounts.</summary>
    [JsonPropertyName("contact_data")] public List<WazzupV2ContactDataDto> ContactData { get; set; } = [];

    /// <summary>Link.</summary>
    [JsonPropertyName("uri")] public string Uri { get; set; } = "";
}

/// <summary>A Wazzup v2 messenger account.</summary>
public sealed class WazzupV2ContactDataDto
{
    /// <summary>Chat type.</summary>
    [JsonPropertyName("chat_type")] public string ChatType { get; set; } = "";

    /// <summary>Chat id.</summary>
    [JsonPropertyName("chat_id")] public string ChatId { get; set; } = "";

    /// <summary>Telegram username.</summary>
    [JsonPropertyName("username")] public string? Username { get; set; }

    /// <summary>Phone.</summary>
    [JsonPropertyName("phone")] public string? Phone { get; set; }
}

/// <summary>Wazzup v2 meta.</summary>
public sealed class WazzupV2MetaDto
{
    /// <summary>Server time.</summary>
    [JsonPropertyName("timestamp")] public long? Timestamp { get; set; }
}

/// <summary>Wazzup v2 list and get answer.</summary>
public sealed class WazzupV2ContactListDto
{
    /// <summary>The contacts.</summary>
    [JsonPropertyName("data")] public List<WazzupV2ContactDto>? Data { get; set; }

    /// <summary>Meta.</summary>
    [JsonPropertyName("meta")] public WazzupV2MetaDto? Meta { get; set; }
}

/// <summary>A Wazzup v3 contact.</summary>
public sealed class WazzupV3ContactDto
{
    /// <summary>CRM id.</summary>
    [JsonPropertyName("id")] public string Id { get; set; } = "";

    /// <summary>Responsible user.</summary>
    [JsonPropertyName("responsibleUserId")] public string ResponsibleUserId { get; set; } = "";

    /// <summary>Name.</summary>
    [JsonPropertyName("name")] public string Name { get; set; } = "";

    /// <summary>Messenger accounts.</summary>
    [JsonPropertyName("contactData")] public List<WazzupV3ContactDataDto> ContactData { get; set; } = [];

    /// <summary>Link.</summary>
    [JsonPropertyName("uri")] public string? Uri { get; set; }
}

/// <summary>A Wazzup v3 messenger account.</summary>
public sealed class WazzupV3ContactDataDto
{
    /// <summary>Chat type.</summary>
    [JsonPropertyName("chatType")] public string ChatType { get; set; } = "";

    /// <summary>Chat id.</summary>
    [JsonPropertyName("chatId")] public string ChatId { get; set; } = "";

    /// <summary>Telegram username.</summary>
    [JsonPropertyName("username")] public string? Username { get; set; }

    /// <summary>Phone.</summary>
    [JsonPropertyName("phone")] public string? Phone { get; set; }
}

/// <summary>A Wazzup v3 page.</summary>
public sealed class WazzupV3ContactListDto
{
    /// <summary>Total contacts.</summary>
    [JsonPropertyName("count")] public int Count { get; set; }

    /// <summary>This page.</summary>
    [JsonPropertyName("data")] public List<WazzupV3ContactDto> Data { get; set; } = [];
}
