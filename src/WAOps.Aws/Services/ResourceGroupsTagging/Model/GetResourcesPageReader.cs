using System.Text.Json;

namespace WAOps.Aws.Services.ResourceGroupsTagging.Model;

/// <summary>
/// Reads a GetResources answer straight off the wire with <see cref="Utf8JsonReader"/>, to the same objects the
/// generic serializer builds (members matched case-insensitively, unknown members skipped, a null list read as an
/// empty one). A scan runs in a short-lived process: the serializer's reflection-built converters for these types are
/// JIT-compiled in each one (about 150 methods, ~90 ms of CPU over a 20k scan), where this reader is precompiled with
/// the module; once both are warm they read a page in about the same time. Malformed JSON or a member of the wrong
/// type is a <see cref="JsonException"/>, as from the serializer.
/// </summary>
public static class GetResourcesPageReader
{
    public static GetResourcesResponse Read(ReadOnlySpan<byte> utf8)
    {
        var page = new GetResourcesResponse();
        if (utf8.IsEmpty)
        {
            return page;
        }

        var reader = new Utf8JsonReader(utf8);
        Next(ref reader);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return page;
        }

        ReadObject(ref reader, page, ReadPageMember);
        if (reader.Read())
        {
            throw new JsonException("The GetResources answer goes on after its JSON object.");
        }

        return page;
    }

    private delegate T ElementReader<T>(ref Utf8JsonReader reader);

    /// <summary>Reads the value of the member the reader is on into <paramref name="into"/>; false for a member it does not know.</summary>
    private delegate bool MemberReader<in T>(ref Utf8JsonReader reader, T into);

    // Every object of the answer is read the same way: each member by name, unknown ones skipped.
    private static T ReadObject<T>(ref Utf8JsonReader reader, T into, MemberReader<T> readMember)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        while (NextMember(ref reader))
        {
            if (!readMember(ref reader, into))
            {
                SkipValue(ref reader);
            }
        }

        return into;
    }

    private static bool ReadPageMember(ref Utf8JsonReader reader, GetResourcesResponse page)
    {
        if (NameIs(ref reader, "ResourceTagMappingList"u8, nameof(GetResourcesResponse.ResourceTagMappingList)))
        {
            page.ResourceTagMappingList = ReadList(ref reader, static (ref Utf8JsonReader r) => ReadObject(ref r, new ResourceTagMapping(), ReadMappingMember));
        }
        else if (NameIs(ref reader, "PaginationToken"u8, nameof(GetResourcesResponse.PaginationToken)))
        {
            page.PaginationToken = ReadString(ref reader);
        }
        else
        {
            return false;
        }

        return true;
    }

    private static bool ReadMappingMember(ref Utf8JsonReader reader, ResourceTagMapping mapping)
    {
        if (NameIs(ref reader, "ResourceARN"u8, nameof(ResourceTagMapping.ResourceARN)))
        {
            mapping.ResourceARN = ReadString(ref reader);
        }
        else if (NameIs(ref reader, "Tags"u8, nameof(ResourceTagMapping.Tags)))
        {
            mapping.Tags = ReadList(ref reader, static (ref Utf8JsonReader r) => ReadObject(ref r, new Tag(), ReadTagMember));
        }
        else if (NameIs(ref reader, "ComplianceDetails"u8, nameof(ResourceTagMapping.ComplianceDetails)))
        {
            Next(ref reader);
            mapping.ComplianceDetails = reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader, new ComplianceDetails(), ReadComplianceMember);
        }
        else
        {
            return false;
        }

        return true;
    }

    private static bool ReadTagMember(ref Utf8JsonReader reader, Tag tag)
    {
        if (NameIs(ref reader, "Key"u8, nameof(Tag.Key)))
        {
            tag.Key = ReadString(ref reader, RecentTagStrings.Current);
        }
        else if (NameIs(ref reader, "Value"u8, nameof(Tag.Value)))
        {
            tag.Value = ReadString(ref reader, RecentTagStrings.Current);
        }
        else
        {
            return false;
        }

        return true;
    }

    private static bool ReadComplianceMember(ref Utf8JsonReader reader, ComplianceDetails details)
    {
        if (NameIs(ref reader, "NoncompliantKeys"u8, nameof(ComplianceDetails.NoncompliantKeys)))
        {
            details.NoncompliantKeys = ReadList(ref reader, ReadListString);
        }
        else if (NameIs(ref reader, "KeysWithNoncompliantValues"u8, nameof(ComplianceDetails.KeysWithNoncompliantValues)))
        {
            details.KeysWithNoncompliantValues = ReadList(ref reader, ReadListString);
        }
        else if (NameIs(ref reader, "ComplianceStatus"u8, nameof(ComplianceDetails.ComplianceStatus)))
        {
            Next(ref reader);
            details.ComplianceStatus = reader.TokenType switch
            {
                JsonTokenType.True => true,
                JsonTokenType.False => false,
                JsonTokenType.Null => null,
                _ => throw WrongType(ref reader, "true, false or null"),
            };
        }
        else
        {
            return false;
        }

        return true;
    }

    // A JSON null where a list belongs gives an empty list (the serializer would set null): the model's lists are
    // never null, and the scan reads them without checking.
    private static List<T> ReadList<T>(ref Utf8JsonReader reader, ElementReader<T> readElement)
    {
        var list = new List<T>();
        Next(ref reader);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return list;
        }

        Expect(ref reader, JsonTokenType.StartArray);
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return list;
            }

            list.Add(readElement(ref reader));
        }
    }

    private static string ReadListString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw WrongType(ref reader, "a string");

    // Tag keys and values repeat across an account's resources: read through <paramref name="recent"/>, the same
    // text gives the same string.
    private static string? ReadString(ref Utf8JsonReader reader, RecentTagStrings? recent = null)
    {
        Next(ref reader);
        return reader.TokenType switch
        {
            JsonTokenType.String => recent is null ? reader.GetString() : recent.Read(ref reader),
            JsonTokenType.Null => null,
            _ => throw WrongType(ref reader, "a string"),
        };
    }

    /// <summary>Moves to the next member's name; false at the end of the object.</summary>
    private static bool NextMember(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    // AWS spells member names exactly as the model does; other spellings are compared as text, as the serializer does.
    private static bool NameIs(ref Utf8JsonReader reader, ReadOnlySpan<byte> exact, string name) =>
        reader.ValueTextEquals(exact) || string.Equals(reader.GetString(), name, StringComparison.OrdinalIgnoreCase);

    private static void SkipValue(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        reader.Skip();
    }

    private static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The GetResources answer ends before its JSON is complete.");
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw WrongType(ref reader, type.ToString());
        }
    }

    private static JsonException WrongType(ref Utf8JsonReader reader, string expected) =>
        new($"The GetResources answer has {reader.TokenType} where {expected} belongs (byte {reader.TokenStartIndex}).");
}
