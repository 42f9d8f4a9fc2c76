/*
 * The n-gram counting step of py3langid's classifier, compiled (db.language_model).
 *
 * py3langid walks a byte automaton over a text and counts the model features met at
 * each byte, in order of first occurrence. db.language_model does it in whole-array
 * numpy steps; this module does the same walk as one loop in C, for the importer's
 * hot path. Both give exactly the same features, counts and order (the tests compare
 * them with each other and with py3langid). It is optional: where it could not be
 * built (no C compiler at install time), the numpy steps answer.
 *
 * count_features(data, lengths, next_move, move_size, row_base, output,
 *                features, counts, bounds) -> int
 *
 *   data       the texts' bytes, one after another
 *   lengths    int64 per text: its length in bytes
 *   next_move  the automaton's transition table, of move_size-byte unsigned entries
 *   row_base   int64 per state: where its row starts in next_move (already times 256)
 *   output     int64 per state: the feature it emits, or -1
 *   features   int64, writable, at least len(data) entries: the features met
 *   counts     float32, writable, as many: how often each was met in its text
 *   bounds     int64, writable, len(lengths) + 1 entries: where each text's run starts
 *
 * Returns how many (feature, count) pairs were written. Each text is walked from the
 * root state, as on its own.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Where each feature's pair is in the current text's run, -1 when not met yet. Kept
   between calls (the model has ~100,000 features) and reset entry by entry. */
static int64_t *slot_of_feature = NULL;
/* Texts walked together (a document's paragraphs: about a dozen). */
#define LANES 16
static Py_ssize_t slots_size = 0;

static int ensure_slots(Py_ssize_t size)
{
    if (size <= slots_size)
        return 0;
    int64_t *grown = (int64_t *)PyMem_RawRealloc(slot_of_feature, (size_t)size * sizeof(int64_t));
    if (grown == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = slots_size; i < size; i++)
        grown[i] = -1;
    slot_of_feature = grown;
    slots_size = size;
    return 0;
}

static inline int64_t move_at(const char *table, int move_size, int64_t index)
{
    switch (move_size) {
    case 2:
        return ((const uint16_t *)table)[index];
    case 4:
        return ((const uint32_t *)table)[index];
    default:
        return (int64_t)((const uint64_t *)table)[index];
    }
}

static PyObject *count_features(PyObject *self, PyObject *args)
{
    Py_buffer data, lengths, next_move, row_base, output, features, counts, bounds;
    int move_size;
    (void)self;
    if (!PyArg_ParseTuple(args, "y*y*y*iy*y*w*w*w*", &data, &lengths, &next_move, &move_size,
                          &row_base, &output, &features, &counts, &bounds))
        return NULL;

    PyObject *result = NULL;
    const unsigned char *bytes = (const unsigned char *)data.buf;
    const int64_t *text_lengths = (const int64_t *)lengths.buf;
    const int64_t *rows = (const int64_t *)row_base.buf;
    const int64_t *emits = (const int64_t *)output.buf;
    int64_t *found = (int64_t *)features.buf;
    float *counted = (float *)counts.buf;
    int64_t *starts = (int64_t *)bounds.buf;
    Py_ssize_t texts = lengths.len / (Py_ssize_t)sizeof(int64_t);
    Py_ssize_t states = row_base.len / (Py_ssize_t)sizeof(int64_t);
    Py_ssize_t moves = move_size > 0 ? next_move.len / move_size : 0;
    Py_ssize_t written = 0, position = 0;

    if (move_size != 2 && move_size != 4 && move_size != 8) {
        PyErr_SetString(PyExc_ValueError, "next_move entries must be 2, 4 or 8 bytes");
        goto done;
    }
    if (output.len / (Py_ssize_t)sizeof(int64_t) != states ||
        features.len / (Py_ssize_t)sizeof(int64_t) < data.len ||
        counts.len / (Py_ssize_t)sizeof(float) < data.len ||
        bounds.len / (Py_ssize_t)sizeof(int64_t) < texts + 1) {
        PyErr_SetString(PyExc_ValueError, "count_features: buffers of the wrong sizes");
        goto done;
    }

    /* First every byte's feature (-1 for none), written where the pairs go after:
       the texts are walked LANES at a time, one byte of each in turn, so that the
       table reads of one text need not wait for those of another (the tables are
       tens of megabytes, and a lone walk waits on nearly every read). */
    Py_ssize_t first_text = 0, offset = 0;
    while (first_text < texts) {
        Py_ssize_t lanes = texts - first_text < LANES ? texts - first_text : LANES;
        Py_ssize_t at[LANES], stop[LANES];
        int64_t state[LANES];
        for (Py_ssize_t k = 0; k < lanes; k++) {
            int64_t length = text_lengths[first_text + k];
            if (length < 0 || length > data.len - offset) {
                PyErr_SetString(PyExc_ValueError, "count_features: lengths exceed the data");
                goto done;
            }
            at[k] = offset;
            stop[k] = offset + (Py_ssize_t)length;
            state[k] = 0;
            offset = stop[k];
        }
        int walking = 1;
        while (walking) {
            walking = 0;
            for (Py_ssize_t k = 0; k < lanes; k++) {
                if (at[k] >= stop[k])
                    continue;
                int64_t index = rows[state[k]] + bytes[at[k]];
                if (index < 0 || index >= moves) {
                    PyErr_SetString(PyExc_ValueError, "count_features: a move outside the table");
                    goto done;
                }
                int64_t next = move_at((const char *)next_move.buf, move_size, index);
                if (next < 0 || next >= states) {
                    PyErr_SetString(PyExc_ValueError, "count_features: a state outside the model");
                    goto done;
                }
                state[k] = next;
                found[at[k]] = emits[next];
                at[k]++;
                walking = 1;
            }
        }
        first_text += lanes;
    }

    /* Then each text's features, counted in order of first occurrence: the pairs are
       written over the features already read (never ahead of the byte being read). */
    starts[0] = 0;
    for (Py_ssize_t text = 0; text < texts; text++) {
        Py_ssize_t first = written, end = position + (Py_ssize_t)text_lengths[text];
        for (; position < end; position++) {
            int64_t feature = found[position];
            if (feature < 0)
                continue;
            if (feature >= slots_size && ensure_slots(feature + 1) < 0) {
                for (Py_ssize_t k = first; k < written; k++)
                    slot_of_feature[found[k]] = -1;
                goto done;
            }
            int64_t slot = slot_of_feature[feature];
            if (slot < 0) {
                slot_of_feature[feature] = written;
                found[written] = feature;
                counted[written] = 1.0f;
                written++;
            } else {
                counted[slot] += 1.0f;
            }
        }
        for (Py_ssize_t k = first; k < written; k++)
            slot_of_feature[found[k]] = -1;
        starts[text + 1] = (int64_t)written;
    }
    result = PyLong_FromSsize_t(written);

done:
    PyBuffer_Release(&data);
    PyBuffer_Release(&lengths);
    PyBuffer_Release(&next_move);
    PyBuffer_Release(&row_base);
    PyBuffer_Release(&output);
    PyBuffer_Release(&features);
    PyBuffer_Release(&counts);
    PyBuffer_Release(&bounds);
    return result;
}

static PyMethodDef methods[] = {
    {"count_features", count_features, METH_VARARGS,
     "Walk py3langid's automaton over each text; see the module's comment."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_langid_walk",
    "py3langid's n-gram counting, compiled (optional; db.language_model).", -1, methods,
};

PyMODINIT_FUNC PyInit__langid_walk(void) { return PyModule_Create(&module); }
