using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PasswordSafe.Emulator;

/// <summary>
/// Enum values in a seed: a name in any case (flags as "A, B"), or a number as before. A value that is none of the names
/// is refused with the names it could be, instead of the serializer's "could not be converted to PasswordSafe.Emulator.X".
/// </summary>
internal sealed class SeedEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(SeedEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class SeedEnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
            {
                return (T)Enum.ToObject(typeof(T), number);
            }

            if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } text && IsNames(text)
                && Enum.TryParse<T>(text, ignoreCase: true, out var value))
            {
                return value;
            }

            // The value itself is not repeated: the path the reader adds says where it is.
            throw new SeedValueException($"must be one of {string.Join(", ", Enum.GetNames<T>())}");
        }

        /// <summary>A name (flags as "A, B") where the value has one, else its number: either reads back the same.</summary>
        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            var text = value.ToString();
            if (IsNames(text)) writer.WriteStringValue(text);
            else writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
        }

        /// <summary>Every comma-separated part is one of the names (Enum.TryParse alone would also take "7").</summary>
        private static bool IsNames(string text) =>
            text.Split(',').All(part => Enum.GetNames<T>().Contains(part.Trim(), StringComparer.OrdinalIgnoreCase));
    }
}

/// <summary>A seed value refused by a seed converter; <see cref="SeedReader"/> adds where it is.</summary>
internal sealed class SeedValueException : JsonException
{
    public SeedValueException(string message)
        : base(message)
    {
    }
}
