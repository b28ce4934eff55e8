using System.Text.Json.Serialization;

namespace ContactsSpec.Benchmarks.Baseline;

/// <summary>
/// The baseline's source-generated serialisation metadata (and fast-path writers): no reflection at run time.
/// Unset optional properties are left out of requests, as the generated clients do.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WammResultDto))]
[JsonSerializable(typeof(WammContactResponseDto))]
[JsonSerializable(typeof(WawpContactNameDto))]
[JsonSerializable(typeof(WawpOkDto))]
[JsonSerializable(typeof(WasmsResponseDto))]
[JsonSerializable(typeof(List<WasmsContactDto>))]
[JsonSerializable(typeof(WazzupV2ContactListDto))]
[JsonSerializable(typeof(List<WazzupV3ContactDto>))]
[JsonSerializable(typeof(WazzupV3ContactDto))]
[JsonSerializable(typeof(WazzupV3ContactListDto))]
public sealed partial class BaselineJsonContext : JsonSerializerContext;
