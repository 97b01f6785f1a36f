using System.Text.Json.Serialization;

namespace PasswordSafe.Emulator.Http.Json;

/// <summary>OAuth error body, e.g. {"error":"invalid_client"}.</summary>
internal sealed record OAuthErrorJson([property: JsonPropertyName("error")] string Error);
