package export

import (
	"bufio"
	"encoding/xml"
)

// GEXF and GraphML, written straight to a buffered writer one element at
// a time: a large network is never one string.

// xmlWriter writes indented XML; the bufio.Writer keeps the first error.
type xmlWriter struct {
	w     *bufio.Writer
	depth int
}

func newXMLWriter(w *bufio.Writer) *xmlWriter {
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>`)
	return &xmlWriter{w: w}
}

// tag writes "<name a="v" ...", attrs being name, value pairs.
func (x *xmlWriter) tag(name string, attrs []string) {
	x.w.WriteByte('\n')
	for i := 0; i < x.depth; i++ {
		x.w.WriteString("  ")
	}
	x.w.WriteByte('<')
	x.w.WriteString(name)
	for i := 0; i+1 < len(attrs); i += 2 {
		x.w.WriteByte(' ')
		x.w.WriteString(attrs[i])
		x.w.WriteString(`="`)
		x.escape(attrs[i+1])
		x.w.WriteByte('"')
	}
}

func (x *xmlWriter) escape(s string) {
	xml.EscapeText(x.w, []byte(s)) // writes to the bufio.Writer, which keeps errors
}

// start opens an element that has children.
func (x *xmlWriter) start(name string, attrs ...string) {
	x.tag(name, attrs)
	x.w.WriteByte('>')
	x.depth++
}

// end closes the element start opened.
func (x *xmlWriter) end(name string) {
	x.depth--
	x.w.WriteByte('\n')
	for i := 0; i < x.depth; i++ {
		x.w.WriteString("  ")
	}
	x.w.WriteString("</" + name + ">")
}

// empty writes an element with no content.
func (x *xmlWriter) empty(name string, attrs ...string) {
	x.tag(name, attrs)
	x.w.WriteString("/>")
}

// text writes an element holding text.
func (x *xmlWriter) text(name, text string, attrs ...string) {
	x.tag(name, attrs)
	x.w.WriteByte('>')
	x.escape(text)
	x.w.WriteString("</" + name + ">")
}

func (x *xmlWriter) finish() error {
	_, err := x.w.WriteString("\n")
	return err
}
