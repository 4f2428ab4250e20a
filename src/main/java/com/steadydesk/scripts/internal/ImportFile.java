package com.steadydesk.scripts.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an uploaded table into rows of cells: xlsx (first sheet) or CSV (RFC 4180 quoting, UTF-8 with or without BOM,
 * GBK when the bytes are not UTF-8 — what Excel on a Chinese Windows writes).
 */
public final class ImportFile {

    /** Excel's dialect: trailing text after a closing quote kept, an unclosed quote at the end read to the end. */
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setTrailingData(true).setLenientEof(true).build();

    private ImportFile() {
    }

    public static List<List<String>> rows(String filename, byte[] content) {
        boolean xlsx = filename != null && filename.toLowerCase().endsWith(".xlsx")
                || content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        return xlsx ? xlsx(content) : csv(decode(content));
    }

    /** UTF-8 (a BOM is dropped) or, when the bytes are not valid UTF-8, GBK. */
    static String decode(byte[] bytes) {
        int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, bytes.length - offset, Charset.forName("GBK"));
        }
    }

    /**
     * RFC 4180 through Commons CSV: a quote opens a quoted cell only at the cell's start, so a bare inch mark inside a
     * cell ({@code 屏幕 6.1" 碎了}) is text, not the start of a cell that swallows the rest of the file.
     */
    static List<List<String>> csv(String text) {
        try (CSVParser parser = CSV.parse(new StringReader(text))) {
            var rows = new ArrayList<List<String>>();
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException("not a readable CSV file: " + e.getMessage(), e);
        }
    }

    private static List<List<String>> xlsx(byte[] content) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            var formatter = new DataFormatter();
            var rows = new ArrayList<List<String>>();
            for (Row r : sheet) {
                var cells = new ArrayList<String>();
                for (int c = 0; c < Math.max(r.getLastCellNum(), 0); c++) {
                    Cell cell = r.getCell(c);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                while (rows.size() < r.getRowNum()) {
                    rows.add(List.of());
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a readable xlsx file: " + e.getMessage(), e);
        }
    }
}
